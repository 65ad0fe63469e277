-- Tracing: the W3C trace context of the request that wrote the event, sent as the CloudEvent's traceparent extension
-- and Kafka header so that a consumer's span joins the request's trace. Null when tracing is off.
ALTER TABLE outbox ADD COLUMN traceparent text;
