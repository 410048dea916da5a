"""The detector: a pure library, article text in, territorial-control and deployment events out.

No Kafka, no network, no global state but the once-loaded spaCy pipeline and gazetteer.
"""

from service.detect.model import Article, DeploymentEvent, Event, Location, TerritorialControlEvent
from service.detect.pipeline import Detector

__all__ = ["Article", "DeploymentEvent", "Detector", "Event", "Location", "TerritorialControlEvent"]
