"""The alert lifecycle: one real-world event per place and side, corroborated across reports; subscriptions.

`correlation`, `subscriptions`, `severity` and `actors` are pure logic, no faust or Kafka: `service.app`
feeds them consumed records and publishes what they return, so unit tests drive every rule directly.
`feed` is the Kafka side of subscriptions (publish, remove, fold and follow the compacted topic).
"""
