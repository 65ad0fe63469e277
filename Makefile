# Grassroots: one command to run, one to test. Everything runs as real processes (no containers);
# state and logs live in .run/ (git-ignored). See deploy/local/README.md.
.PHONY: run test stop status logs stop-test bench restart chaos

run:     ## build, start PostgreSQL, Kafka, Keycloak, the services and the gateway, load demo data (INSTANCES=2: two of each service; KAFKA_BROKERS=3: three Kafka nodes)
	@INSTANCES="$(INSTANCES)" KAFKA_BROKERS="$(KAFKA_BROKERS)" deploy/local/platform.sh run

test:    ## every module's tests and the end-to-end tests, on a fresh test stack (other ports)
	@GRASSROOTS_STACK=test deploy/local/platform.sh test

stop:    ## stop what `make run` started
	@deploy/local/platform.sh stop

status:
	@deploy/local/platform.sh status

logs:
	@deploy/local/platform.sh logs

restart: ## restart one service (or the gateway) of the running stack: make restart SERVICE=membership
	@test -n "$(SERVICE)" || { echo "usage: make restart SERVICE=<organization|membership|meetings|evaluations|assignments|gateway>" >&2; exit 2; }
	@deploy/local/platform.sh restart $(SERVICE)

chaos:   ## fault suite on its own stack: Kafka, PostgreSQL and services stopped or killed under write load (~10 min)
	@deploy/local/chaos.sh

stop-test:  ## stop a test stack left behind by an interrupted `make test`
	@GRASSROOTS_STACK=test deploy/local/platform.sh stop

bench:   ## a province's data in the running dev stack (SCALE=nation: the country), and the times of the calls that must stay fast
	@SCALE="$(SCALE)" deploy/local/bench.sh
