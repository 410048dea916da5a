#!/usr/bin/env bash
# Kafka ACLs for frontwatch (Apache Kafka with an authorizer, e.g. StandardAuthorizer in KRaft mode, and
# allow.everyone.if.no.acl.found=false). Run once by a cluster admin; every ALLOW below is the least a
# principal needs. Principals are SASL user names (User:NAME) or, with mTLS, the certificate's DN.
#
#   KAFKA_BIN=/opt/kafka/bin BOOTSTRAP=kafka:9093 ADMIN_CONFIG=admin.properties ./deploy/kafka-acls.sh
#
# Topic names are frontwatch's defaults (README "Topics and partitions"); APP_ID is FRONTWATCH_APP_ID.
# Subscriber topics follow the convention alerts.sub.<subscriber>: one prefix ACL lets the service write them
# all, and each subscriber gets READ on its own topic only.
set -euo pipefail

KAFKA_BIN=${KAFKA_BIN:-/opt/kafka/bin}
BOOTSTRAP=${BOOTSTRAP:?set BOOTSTRAP to host:port of the cluster}
ADMIN_CONFIG=${ADMIN_CONFIG:?set ADMIN_CONFIG to the admin client properties (SASL/TLS of the admin user)}
APP_ID=${APP_ID:-frontwatch}
SERVICE=${SERVICE:-User:frontwatch}                      # the workers
INGEST=${INGEST:-User:news-ingest}                       # whoever publishes articles
SUBSCRIPTION_ADMINS=${SUBSCRIPTION_ADMINS:-User:frontwatch-admin}  # `frontwatch subscribe` operators
ALERT_READERS=${ALERT_READERS:-User:alerts-reader}       # consumers of the shared alert topics

acl() { "$KAFKA_BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --add "$@"; }

# --- the service's own principal -------------------------------------------------------------------------
# Reads articles and the subscriptions; writes alerts, subscriber topics and dead letters.
acl --allow-principal "$SERVICE" --operation Read --operation Describe --topic articles
acl --allow-principal "$SERVICE" --operation Read --operation Describe --topic subscriptions
# Not granted: Write on subscriptions. FRONTWATCH_SUBSCRIPTIONS_FILE (the worker seeds the topic at start) needs
# it; in production leave the file unset and let only the subscription admins write the topic.
for topic in alerts.territorial-control alerts.deployment alerts.all articles.dlq; do
  acl --allow-principal "$SERVICE" --operation Write --operation Describe --topic "$topic"
done
acl --allow-principal "$SERVICE" --operation Write --operation Describe --operation Create \
  --topic alerts.sub. --resource-pattern-type prefixed
# faust's internal topics (<app id>-__assignor-__leader, <app id>-reports-by-place, the table changelogs):
# read, write and create, all under the app id prefix.
acl --allow-principal "$SERVICE" --operation All --topic "$APP_ID-" --resource-pattern-type prefixed
# Its consumer group (the app id) and nothing else.
acl --allow-principal "$SERVICE" --operation Read --operation Describe --group "$APP_ID"
# Describe the cluster for metadata; with FRONTWATCH_CREATE_TOPICS=true it would also need Create on the
# topics above. Leave it false in production and create topics with the platform's tooling.
acl --allow-principal "$SERVICE" --operation Describe --cluster

# --- producers of articles -------------------------------------------------------------------------------
acl --allow-principal "$INGEST" --operation Write --operation Describe --topic articles

# --- who may change subscriptions: the only way to change them is this topic -----------------------------
acl --allow-principal "$SUBSCRIPTION_ADMINS" --operation Write --operation Describe --topic subscriptions
acl --allow-principal "$SUBSCRIPTION_ADMINS" --operation Read --topic subscriptions  # `subscribe list`

# --- readers ---------------------------------------------------------------------------------------------
for topic in alerts.territorial-control alerts.deployment alerts.all; do
  acl --allow-principal "$ALERT_READERS" --operation Read --operation Describe --topic "$topic"
done
acl --allow-principal "$ALERT_READERS" --operation Read --group "alerts-reader" --resource-pattern-type prefixed
# One subscriber, one topic: repeat per subscriber (here the examples of seeds/subscriptions.yaml).
for sub in syria-desk ukraine-front nato-east islamic-state; do
  acl --allow-principal "User:sub-$sub" --operation Read --operation Describe --topic "alerts.sub.$sub"
  acl --allow-principal "User:sub-$sub" --operation Read --group "sub-$sub" --resource-pattern-type prefixed
done
# Dead letters hold the original article bytes: readable by operators only.
acl --allow-principal "$SUBSCRIPTION_ADMINS" --operation Read --operation Describe --topic articles.dlq
