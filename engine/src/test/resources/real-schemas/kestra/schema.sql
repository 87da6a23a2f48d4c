-- source: jdbc-postgres/src/main/resources/migrations/postgres/V1_1__initial.sql
DO $$
    BEGIN
        BEGIN
            CREATE TYPE state_type AS ENUM (
                'CREATED',
                'RUNNING',
                'PAUSED',
                'RESTARTED',
                'KILLING',
                'SUCCESS',
                'WARNING',
                'FAILED',
                'KILLED'
                );
        EXCEPTION
            WHEN duplicate_object THEN null;
        END;
    END;
$$;

DO $$
    BEGIN
        BEGIN
            CREATE TYPE log_level AS ENUM (
                'ERROR',
                'WARN',
                'INFO',
                'DEBUG',
                'TRACE'
                );
        EXCEPTION
            WHEN duplicate_object THEN null;
        END;
    END;
$$;

DO $$
    BEGIN
        BEGIN
            CREATE TYPE queue_consumers AS ENUM (
                'indexer',
                'executor',
                'worker',
                'scheduler'
                );
        EXCEPTION
            WHEN duplicate_object THEN null;
        END;
    END;
$$;

DO $$
    BEGIN
        BEGIN
            CREATE TYPE queue_type AS ENUM (
                'io.kestra.core.models.executions.Execution',
                'io.kestra.core.models.flows.Flow',
                'io.kestra.core.models.templates.Template',
                'io.kestra.core.models.executions.ExecutionKilled',
                'io.kestra.core.runners.WorkerTask',
                'io.kestra.core.runners.WorkerTaskResult',
                'io.kestra.core.runners.WorkerInstance',
                'io.kestra.core.runners.WorkerTaskRunning',
                'io.kestra.core.models.executions.LogEntry',
                'io.kestra.core.models.triggers.Trigger'
                );
        EXCEPTION
            WHEN duplicate_object THEN null;
        END;
    END;
$$;

CREATE OR REPLACE FUNCTION FULLTEXT_REPLACE(text, text) RETURNS text
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN TRIM(BOTH $2 FROM REGEXP_REPLACE(COALESCE($1, ''), '[^a-zA-Z\d:]', $2, 'g'));

CREATE OR REPLACE FUNCTION FULLTEXT_INDEX(text) RETURNS tsvector
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN TO_TSVECTOR('simple', FULLTEXT_REPLACE($1, ' ')) || TO_TSVECTOR('simple', $1);

CREATE OR REPLACE FUNCTION FULLTEXT_SEARCH(text) RETURNS tsquery
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN CASE WHEN FULLTEXT_REPLACE($1, '') = '' THEN TO_TSQUERY('')
        ELSE TO_TSQUERY('simple', FULLTEXT_REPLACE($1, ':* & ') || ':*')
    END;

CREATE OR REPLACE FUNCTION STATE_FROMTEXT(text) RETURNS state_type
    LANGUAGE SQL
    IMMUTABLE
    RETURN CAST($1 AS state_type);

CREATE OR REPLACE FUNCTION LOGLEVEL_FROMTEXT(text) RETURNS log_level
    LANGUAGE SQL
    IMMUTABLE
    RETURN CAST($1 AS log_level);

CREATE OR REPLACE FUNCTION PARSE_ISO8601_DATETIME(text) RETURNS timestamptz
    LANGUAGE SQL
    IMMUTABLE
    RETURN $1::timestamptz;

CREATE OR REPLACE FUNCTION PARSE_ISO8601_TIMESTAMP(text) RETURNS int
    LANGUAGE SQL
    IMMUTABLE
    RETURN EXTRACT(epoch FROM $1::timestamptz AT TIME ZONE 'utc');

CREATE OR REPLACE FUNCTION PARSE_ISO8601_DURATION(text) RETURNS interval
    LANGUAGE SQL
    IMMUTABLE
    RETURN $1::interval;;

CREATE OR REPLACE FUNCTION UPDATE_UPDATED_DATETIME() RETURNS TRIGGER AS $$
BEGIN
    NEW.updated = now();
    RETURN NEW;
END;
$$ language 'plpgsql';


/* ----------------------- queues ----------------------- */
CREATE TABLE IF NOT EXISTS queues (
    "offset" SERIAL PRIMARY KEY,
    type queue_type NOT NULL,
    key VARCHAR(250) NOT NULL,
    value JSONB NOT NULL,
    consumers queue_consumers[],
    updated TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX IF NOT EXISTS queues_type__offset ON queues (type, "offset");
CREATE INDEX IF NOT EXISTS queues_updated ON queues ("updated");

CREATE OR REPLACE TRIGGER queues_updated BEFORE UPDATE
    ON queues FOR EACH ROW EXECUTE PROCEDURE
    UPDATE_UPDATED_DATETIME();


/* ----------------------- flows ----------------------- */
CREATE TABLE IF NOT EXISTS flows (
    key VARCHAR(250) NOT NULL PRIMARY KEY,
    value JSONB NOT NULL,
    deleted BOOL NOT NULL GENERATED ALWAYS AS (CAST(value ->> 'deleted' AS BOOL)) STORED,
    id VARCHAR(100) NOT NULL GENERATED ALWAYS AS (value ->> 'id') STORED,
    namespace VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value ->> 'namespace') STORED,
    revision INT NOT NULL GENERATED ALWAYS AS (CAST(value ->> 'revision' AS INT)) STORED,
    fulltext TSVECTOR GENERATED ALWAYS AS (
        FULLTEXT_INDEX(CAST(value->>'namespace' AS VARCHAR)) ||
        FULLTEXT_INDEX(CAST(value->>'id' AS VARCHAR))
    ) STORED,
    source_code TEXT NOT NULL
);

CREATE INDEX IF NOT EXISTS flows_namespace ON flows (deleted, namespace);
CREATE INDEX IF NOT EXISTS flows_namespace__id__revision ON flows (deleted, namespace, id, revision);
CREATE INDEX IF NOT EXISTS flows_fulltext ON flows USING GIN (fulltext);
CREATE INDEX IF NOT EXISTS flows_source_code ON flows USING GIN (FULLTEXT_INDEX(source_code));


/* ----------------------- templates ----------------------- */
CREATE TABLE IF NOT EXISTS templates (
    key VARCHAR(250) NOT NULL PRIMARY KEY,
    value JSONB NOT NULL,
    deleted BOOL NOT NULL GENERATED ALWAYS AS (CAST(value ->> 'deleted' AS BOOL)) STORED,
    id VARCHAR(100) NOT NULL GENERATED ALWAYS AS (value ->> 'id') STORED,
    namespace VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value ->> 'namespace') STORED,
    fulltext TSVECTOR GENERATED ALWAYS AS (FULLTEXT_INDEX(
        FULLTEXT_REPLACE(CAST(value->>'namespace' AS VARCHAR), ' ') || ' ' ||
        FULLTEXT_REPLACE(CAST(value->>'id' AS VARCHAR), ' ')
    )) STORED
);

CREATE INDEX IF NOT EXISTS templates_namespace ON templates (deleted, namespace);
CREATE INDEX IF NOT EXISTS templates_namespace__id ON templates (deleted, namespace, id);
CREATE INDEX IF NOT EXISTS templates_fulltext ON templates USING GIN (fulltext);


/* ----------------------- executions ----------------------- */
CREATE TABLE IF NOT EXISTS executions (
    key VARCHAR(250) NOT NULL PRIMARY KEY,
    value JSONB NOT NULL,
    deleted BOOL NOT NULL GENERATED ALWAYS AS (CAST(value ->> 'deleted' AS bool)) STORED,
    namespace VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value ->> 'namespace') STORED,
    flow_id VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value ->> 'flowId') STORED,
    state_current state_type NOT NULL GENERATED ALWAYS AS (STATE_FROMTEXT(value #>> '{state, current}')) STORED,
    state_duration BIGINT NOT NULL GENERATED ALWAYS AS (EXTRACT(MILLISECONDS FROM PARSE_ISO8601_DURATION(value #>> '{state, duration}'))) STORED,
    start_date TIMESTAMP NOT NULL GENERATED ALWAYS AS (PARSE_ISO8601_DATETIME(value #>> '{state, startDate}')) STORED,
    end_date TIMESTAMP GENERATED ALWAYS AS (PARSE_ISO8601_DATETIME(value #>> '{state, endDate}')) STORED,
    fulltext TSVECTOR GENERATED ALWAYS AS (
        FULLTEXT_INDEX(CAST(value ->> 'namespace' AS varchar)) ||
        FULLTEXT_INDEX(CAST(value ->> 'flowId' AS varchar)) ||
        FULLTEXT_INDEX(CAST(value ->> 'id' AS varchar))
    ) STORED
);

CREATE INDEX IF NOT EXISTS executions_namespace ON executions (deleted, namespace);
CREATE INDEX IF NOT EXISTS executions_flow_id ON executions (deleted, flow_id);
CREATE INDEX IF NOT EXISTS executions_state_current ON executions (deleted, state_current);
CREATE INDEX IF NOT EXISTS executions_start_date ON executions (deleted, start_date);
CREATE INDEX IF NOT EXISTS executions_end_date ON executions (deleted, end_date);
CREATE INDEX IF NOT EXISTS executions_state_duration ON executions (deleted, state_duration);
CREATE INDEX IF NOT EXISTS executions_fulltext ON executions USING GIN (fulltext);


/* ----------------------- triggers ----------------------- */
CREATE TABLE IF NOT EXISTS triggers (
    key VARCHAR(250) NOT NULL PRIMARY KEY,
    value JSONB NOT NULL,
    namespace VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value ->> 'namespace') STORED,
    flow_id VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value ->> 'flowId') STORED,
    trigger_id VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value ->> 'triggerId') STORED,
    execution_id VARCHAR(150) GENERATED ALWAYS AS (value ->> 'executionId') STORED
);

CREATE INDEX IF NOT EXISTS triggers_execution_id ON triggers (execution_id);


/* ----------------------- logs ----------------------- */
CREATE TABLE IF NOT EXISTS logs (
    key VARCHAR(30) NOT NULL PRIMARY KEY,
    value JSONB NOT NULL,
    deleted BOOL NOT NULL GENERATED ALWAYS AS (CAST(value ->> 'deleted' AS bool)) STORED,
    namespace VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value ->> 'namespace') STORED,
    flow_id VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value ->> 'flowId') STORED,
    task_id VARCHAR(150) GENERATED ALWAYS AS (value ->> 'taskId') STORED,
    execution_id VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value ->> 'executionId') STORED,
    taskrun_id VARCHAR(150) GENERATED ALWAYS AS (value ->> 'taskRunId') STORED,
    attempt_number INT GENERATED ALWAYS AS (CAST(value ->> 'attemptNumber' AS INTEGER)) STORED,
    trigger_id VARCHAR(150) GENERATED ALWAYS AS (value ->> 'triggerId') STORED,
    level log_level NOT NULL GENERATED ALWAYS AS (LOGLEVEL_FROMTEXT(value ->> 'level')) STORED,
    timestamp TIMESTAMPTZ NOT NULL GENERATED ALWAYS AS (PARSE_ISO8601_DATETIME(value ->> 'timestamp')) STORED,
    fulltext TSVECTOR GENERATED ALWAYS AS (
        FULLTEXT_INDEX(CAST(value ->> 'namespace' AS varchar)) ||
        FULLTEXT_INDEX(CAST(value ->> 'flowId' AS varchar)) ||
        FULLTEXT_INDEX(COALESCE(CAST(value ->> 'taskId' AS varchar), '')) ||
        FULLTEXT_INDEX(CAST(value ->> 'executionId' AS varchar)) ||
        FULLTEXT_INDEX(COALESCE(CAST(value ->> 'taskRunId' AS varchar), '')) ||
        FULLTEXT_INDEX(COALESCE(CAST(value ->> 'triggerId' AS varchar), '')) ||
        FULLTEXT_INDEX(COALESCE(CAST(value ->> 'message' AS varchar), '')) ||
        FULLTEXT_INDEX(COALESCE(CAST(value ->> 'thread' AS varchar), ''))
    ) STORED
);

CREATE INDEX IF NOT EXISTS logs_execution_id ON logs (deleted, execution_id);
CREATE INDEX IF NOT EXISTS logs_execution_id__task_id ON logs (deleted, execution_id, task_id);
CREATE INDEX IF NOT EXISTS logs_execution_id__taskrun_id ON logs (deleted, execution_id, taskrun_id);
CREATE INDEX IF NOT EXISTS logs_fulltext ON logs USING GIN (fulltext);


/* ----------------------- multipleconditions ----------------------- */
CREATE TABLE IF NOT EXISTS multipleconditions (
    key VARCHAR(250) NOT NULL PRIMARY KEY,
    value JSONB NOT NULL,
    namespace VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value ->> 'namespace') STORED,
    flow_id VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value ->> 'flowId') STORED,
    condition_id VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value ->> 'conditionId') STORED,
    start_date TIMESTAMPTZ NOT NULL GENERATED ALWAYS AS (PARSE_ISO8601_DATETIME(value ->> 'start')) STORED,
    end_date TIMESTAMPTZ NOT NULL GENERATED ALWAYS AS (PARSE_ISO8601_DATETIME(value ->> 'end')) STORED
);

CREATE INDEX IF NOT EXISTS multipleconditions_namespace__flow_id__condition_id ON multipleconditions (namespace, flow_id, condition_id);
CREATE INDEX IF NOT EXISTS multipleconditions_start_date__end_date ON multipleconditions (start_date, end_date);


/* ----------------------- workertaskexecutions ----------------------- */
CREATE TABLE IF NOT EXISTS workertaskexecutions (
    key VARCHAR(250) NOT NULL PRIMARY KEY,
    value JSONB NOT NULL
);


/* ----------------------- executorstate ----------------------- */
CREATE TABLE IF NOT EXISTS executorstate (
    key VARCHAR(250) NOT NULL PRIMARY KEY,
    value JSONB NOT NULL
);


/* ----------------------- executorstate ----------------------- */
CREATE TABLE IF NOT EXISTS executordelayed (
    key VARCHAR(250) NOT NULL PRIMARY KEY,
    value JSONB NOT NULL,
    date TIMESTAMPTZ NOT NULL GENERATED ALWAYS AS (PARSE_ISO8601_DATETIME(value ->> 'date')) STORED
);

CREATE INDEX IF NOT EXISTS executordelayed_date ON executordelayed (date);

/* ---!!! previously on V2__setting.sql !!!--- */
CREATE TABLE IF NOT EXISTS settings (
                                        key VARCHAR(250) NOT NULL PRIMARY KEY,
                                        value JSONB NOT NULL
);

/* ---!!! previously on V3__queue_index.sql !!!--- */
ALTER TABLE queues
    ADD IF NOT EXISTS consumer_indexer BOOLEAN DEFAULT FALSE;

ALTER TABLE queues
    ADD IF NOT EXISTS consumer_executor BOOLEAN DEFAULT FALSE;

ALTER TABLE queues
    ADD IF NOT EXISTS consumer_worker BOOLEAN DEFAULT FALSE;

ALTER TABLE queues
    ADD IF NOT EXISTS consumer_scheduler BOOLEAN DEFAULT FALSE;

DO $$ BEGIN
    UPDATE queues
    SET
        consumer_indexer = consumers IS NOT NULL AND "consumers" && '{indexer}'::queue_consumers[],
        consumer_executor = consumers IS NOT NULL AND "consumers" && '{executor}'::queue_consumers[],
        consumer_worker = consumers IS NOT NULL AND "consumers" && '{worker}'::queue_consumers[],
        consumer_scheduler = consumers IS NOT NULL AND "consumers" && '{scheduler}'::queue_consumers[];
EXCEPTION
    WHEN undefined_column THEN RAISE NOTICE 'column consumers does not exist';
END $$;

ALTER TABLE queues DROP COLUMN IF EXISTS consumers;

DROP TYPE IF EXISTS queue_consumers;

/* ---!!! previously on V5__flow_topologies.sql !!!--- */
DO $$
    BEGIN
        BEGIN
            ALTER TABLE queues ADD consumer_flow_topology BOOLEAN DEFAULT FALSE;
        EXCEPTION
            WHEN duplicate_column THEN RAISE NOTICE 'consumer_flow_topology already exists in <table_name>.';
        END;
    END;
$$;

CREATE TABLE IF NOT EXISTS flow_topologies (
                                               key VARCHAR(250) NOT NULL PRIMARY KEY,
                                               value JSONB NOT NULL,
                                               source_namespace VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value #>> '{source, namespace}') STORED,
                                               source_id VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value #>> '{source, id}') STORED,
                                               relation VARCHAR(100) NOT NULL GENERATED ALWAYS AS (value ->> 'relation') STORED,
                                               destination_namespace VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value #>> '{destination, namespace}') STORED,
                                               destination_id VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value #>> '{destination, id}') STORED
);

CREATE INDEX IF NOT EXISTS flow_topologies_destination ON flow_topologies (destination_namespace, destination_id);
CREATE INDEX IF NOT EXISTS flow_topologies_destination__source ON flow_topologies (destination_namespace, destination_id, source_namespace, source_id);

/* ---!!! previously on V5__flow_topologies.sql !!!--- */
DO $$
    BEGIN
        BEGIN
            ALTER TABLE queues ADD consumer_flow_topology BOOLEAN DEFAULT FALSE;
        EXCEPTION
            WHEN duplicate_column THEN RAISE NOTICE 'consumer_flow_topology already exists in <table_name>.';
        END;
    END;
$$;

CREATE TABLE IF NOT EXISTS flow_topologies (
                                               key VARCHAR(250) NOT NULL PRIMARY KEY,
                                               value JSONB NOT NULL,
                                               source_namespace VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value #>> '{source, namespace}') STORED,
                                               source_id VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value #>> '{source, id}') STORED,
                                               relation VARCHAR(100) NOT NULL GENERATED ALWAYS AS (value ->> 'relation') STORED,
                                               destination_namespace VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value #>> '{destination, namespace}') STORED,
                                               destination_id VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value #>> '{destination, id}') STORED
);

CREATE INDEX IF NOT EXISTS flow_topologies_destination ON flow_topologies (destination_namespace, destination_id);
CREATE INDEX IF NOT EXISTS flow_topologies_destination__source ON flow_topologies (destination_namespace, destination_id, source_namespace, source_id);

/* ---!!! previously on V7__missing_execution_id.sql !!!--- */
ALTER TABLE executions ADD COLUMN IF NOT EXISTS id VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value ->> 'id') STORED;

/* ---!!! previously on V12__metrics.sql !!!--- */
ALTER TYPE queue_type ADD VALUE IF NOT EXISTS 'io.kestra.core.models.executions.MetricEntry';

/* ----------------------- metrics ----------------------- */
CREATE TABLE IF NOT EXISTS metrics (
   key VARCHAR(30) NOT NULL PRIMARY KEY,
   value JSONB NOT NULL,
   deleted BOOL NOT NULL GENERATED ALWAYS AS (CAST(value ->> 'deleted' AS bool)) STORED,
   namespace VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value ->> 'namespace') STORED,
   flow_id VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value ->> 'flowId') STORED,
   task_id VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value ->> 'taskId') STORED,
   execution_id VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value ->> 'executionId') STORED,
   taskrun_id VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value ->> 'taskRunId') STORED,
   metric_name VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value ->> 'name') STORED,
   timestamp TIMESTAMPTZ NOT NULL GENERATED ALWAYS AS (PARSE_ISO8601_DATETIME(value ->> 'timestamp')) STORED
);

ALTER TABLE metrics ADD COLUMN IF NOT EXISTS metric_value FLOAT NOT NULL GENERATED ALWAYS AS (CAST(value ->> 'value' AS FLOAT)) STORED;

DROP INDEX IF EXISTS metrics_flow_id;
DROP INDEX IF EXISTS metrics_execution_id;
DROP INDEX IF EXISTS metrics_timestamp;
CREATE INDEX IF NOT EXISTS metrics_flow_id ON metrics (deleted, namespace, flow_id);
CREATE INDEX IF NOT EXISTS metrics_execution_id ON metrics (deleted, execution_id);
CREATE INDEX IF NOT EXISTS metrics_timestamp ON metrics (deleted, timestamp);

/* ---!!! previously on V14__queues_consumer_group.sql !!!--- */
ALTER TABLE queues ADD COLUMN IF NOT EXISTS consumer_group VARCHAR(250);

/* ---!!! previously on V17__polling_trigger.sql !!!--- */
ALTER TYPE queue_type ADD VALUE IF NOT EXISTS 'io.kestra.core.runners.WorkerTriggerResult';
DO $$
    BEGIN
        BEGIN
            ALTER TYPE queue_type RENAME VALUE 'io.kestra.core.runners.WorkerTask' TO 'io.kestra.core.runners.WorkerJob';
        EXCEPTION
            WHEN invalid_parameter_value THEN null;
        END;
    END;
$$;

-- trigger logs have no execution id
alter table logs alter column execution_id drop not null;

/* ---!!! previously on V18__trigger_fulltext_col.sql !!!--- */
ALTER TABLE triggers ADD COLUMN IF NOT EXISTS fulltext TSVECTOR GENERATED ALWAYS AS (
                FULLTEXT_INDEX(CAST(value ->> 'namespace' AS varchar)) ||
                FULLTEXT_INDEX(CAST(value ->> 'flowId' AS varchar)) ||
                FULLTEXT_INDEX(CAST(value ->> 'triggerId' AS varchar)) ||
                FULLTEXT_INDEX(COALESCE(CAST(value ->> 'executionId' AS varchar), ''))
    ) STORED;

/* ---!!! previously on V19__index_execution-labels.sql !!!--- */
create index IF NOT EXISTS executions_labels ON executions USING GIN((value -> 'labels'));

/* ---!!! previously on V20__index_flow_labels.sql !!!--- */
create index IF NOT EXISTS flows_labels ON flows USING GIN((value -> 'labels'));

/* ---!!! previously on V21__index_logs.sql !!!--- */
DROP INDEX IF EXISTS logs_namespace;
DROP INDEX IF EXISTS logs_timestamp;
CREATE INDEX IF NOT EXISTS logs_namespace_flow ON logs (deleted, timestamp, level, namespace, flow_id);

/* ---!!! previously on V22__index_queues.sql !!!--- */
-- Recreate the queues_type__* indexes by adding the offset column otherwise the index is not used as we order on offset.
-- Also make them partial to lower the index size.
DROP INDEX IF EXISTS queues_type__consumer_flow_topology;
DROP INDEX IF EXISTS queues_type__consumer_indexer;
DROP INDEX IF EXISTS queues_type__consumer_executor;
DROP INDEX IF EXISTS queues_type__consumer_worker;
DROP INDEX IF EXISTS queues_type__consumer_scheduler;

CREATE INDEX IF NOT EXISTS queues_type__consumer_flow_topology ON queues (type, consumer_flow_topology, "offset") WHERE consumer_flow_topology = false;
CREATE INDEX IF NOT EXISTS queues_type__consumer_indexer ON queues (type, consumer_indexer, "offset") WHERE consumer_indexer = false;
CREATE INDEX IF NOT EXISTS queues_type__consumer_executor ON queues (type, consumer_executor, "offset") WHERE consumer_executor = false;
CREATE INDEX IF NOT EXISTS queues_type__consumer_worker ON queues (type, consumer_worker, "offset") WHERE consumer_worker = false;
CREATE INDEX IF NOT EXISTS queues_type__consumer_scheduler ON queues (type, consumer_scheduler, "offset") WHERE consumer_scheduler = false;

-- Go back to the original PK and queues_offset__type as they are useful for offset based poll and updates
DO $$
    BEGIN
        IF NOT exists (select constraint_name from information_schema.table_constraints where table_name = 'queues' and constraint_type = 'PRIMARY KEY') then
            ALTER TABLE queues ADD PRIMARY KEY("offset");
        END IF;
    END;
$$;
DROP INDEX IF EXISTS queues_offset;
CREATE INDEX IF NOT EXISTS queues_type__offset ON queues (type, "offset");
-- source: jdbc-postgres/src/main/resources/migrations/postgres/V1_2__worker_heartbeat.sql
/* ----------------------- workerInstance ----------------------- */
CREATE TABLE IF NOT EXISTS worker_instance (
    key VARCHAR(250) NOT NULL PRIMARY KEY,
    value JSONB NOT NULL,
    worker_uuid VARCHAR(36) NOT NULL GENERATED ALWAYS AS (value ->> 'workerUuid') STORED,
    hostname VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value ->> 'hostname') STORED,
    port INTEGER GENERATED ALWAYS AS (CAST(value ->> 'port' AS INTEGER)) STORED,
    management_port INTEGER GENERATED ALWAYS AS (CAST(value ->> 'managementPort'AS INTEGER)) STORED,
    worker_group VARCHAR(150) GENERATED ALWAYS AS (value ->> 'workerGroup') STORED,
    status VARCHAR(10) NOT NULL GENERATED ALWAYS AS (value ->> 'status') STORED,
    heartbeat_date TIMESTAMPTZ NOT NULL GENERATED ALWAYS AS (PARSE_ISO8601_DATETIME(value ->> 'heartbeatDate')) STORED
    );

/* ----------------------- worker_job_running ----------------------- */
CREATE TABLE IF NOT EXISTS worker_job_running (
    key VARCHAR(250) NOT NULL PRIMARY KEY,
    value JSONB NOT NULL,
    worker_uuid VARCHAR(36) NOT NULL GENERATED ALWAYS AS (value -> 'workerInstance' ->> 'workerUuid') STORED,
    taskrun_id VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value -> 'taskRun' ->> 'id') STORED
);

CREATE INDEX IF NOT EXISTS worker_job_running_worker_uuid ON worker_job_running (worker_uuid);
-- source: jdbc-postgres/src/main/resources/migrations/postgres/V1_3__worker_heartbeat.sql
ALTER TABLE worker_job_running
    DROP COLUMN taskrun_id;
-- source: jdbc-postgres/src/main/resources/migrations/postgres/V1_4__postgres-queues-pkey.sql
-- We drop the PK, otherwise its index is used by the poll query which is sub-optimal.
-- We create an hash index on offset that will be used instead when filtering on offset.
ALTER TABLE queues DROP CONSTRAINT IF EXISTS queues_pkey;

CREATE INDEX IF NOT EXISTS queues_offset ON queues USING hash ("offset");
-- source: jdbc-postgres/src/main/resources/migrations/postgres/V1_5__multitenant.sql
alter table flows add "tenant_id" VARCHAR(250) GENERATED ALWAYS AS (value ->> 'tenantId') STORED;
alter table executions add "tenant_id" VARCHAR(250) GENERATED ALWAYS AS (value ->> 'tenantId') STORED;
alter table templates add "tenant_id" VARCHAR(250) GENERATED ALWAYS AS (value ->> 'tenantId') STORED;
alter table logs add "tenant_id" VARCHAR(250) GENERATED ALWAYS AS (value ->> 'tenantId') STORED;
alter table metrics add "tenant_id" VARCHAR(250) GENERATED ALWAYS AS (value ->> 'tenantId') STORED;
alter table flow_topologies add "source_tenant_id" VARCHAR(250) GENERATED ALWAYS AS (value #>> '{source, tenantId}')  STORED;
alter table flow_topologies add "destination_tenant_id" VARCHAR(250) GENERATED ALWAYS AS (value #>> '{destination, tenantId}')  STORED;
alter table triggers add "tenant_id" VARCHAR(250) GENERATED ALWAYS AS (value ->> 'tenantId') STORED;
-- source: jdbc-postgres/src/main/resources/migrations/postgres/V1_6__multitenant_on_multipleconditions.sql
alter table multipleconditions add "tenant_id" VARCHAR(250) GENERATED ALWAYS AS (value ->> 'tenantId') STORED;

DROP INDEX IF EXISTS multipleconditions_namespace__flow_id__condition_id;
DROP INDEX IF EXISTS multipleconditions_start_date__end_date;
CREATE INDEX IF NOT EXISTS multipleconditions_namespace__flow_id__condition_id ON multipleconditions (tenant_id, namespace, flow_id, condition_id);
CREATE INDEX IF NOT EXISTS multipleconditions_start_date__end_date ON multipleconditions (tenant_id, start_date, end_date);
-- source: jdbc-postgres/src/main/resources/migrations/postgres/V1_7__execution_queued.sql
CREATE TABLE IF NOT EXISTS execution_queued (
    key VARCHAR(250) NOT NULL PRIMARY KEY,
    value JSONB NOT NULL,
    tenant_id VARCHAR(250) GENERATED ALWAYS AS (value ->> 'tenantId') STORED,
    namespace VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value ->> 'namespace') STORED,
    flow_id VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value ->> 'flowId') STORED,
    date TIMESTAMPTZ NOT NULL GENERATED ALWAYS AS (PARSE_ISO8601_DATETIME(value ->> 'date')) STORED
);

CREATE INDEX IF NOT EXISTS execution_queued__flow ON execution_queued (tenant_id, namespace, flow_id);
-- source: jdbc-postgres/src/main/resources/migrations/postgres/V1_8__execution_cancelled.sql
ALTER TYPE state_type ADD VALUE IF NOT EXISTS 'CANCELLED';
-- source: jdbc-postgres/src/main/resources/migrations/postgres/V1_9__execution_queued.sql
ALTER TYPE state_type ADD VALUE IF NOT EXISTS 'QUEUED';
-- source: jdbc-postgres/src/main/resources/migrations/postgres/V1_10__multitenant_indices.sql
DROP INDEX IF EXISTS flows_namespace;
DROP INDEX IF EXISTS flows_namespace__id__revision;
CREATE INDEX IF NOT EXISTS flows_namespace ON flows ("deleted", "tenant_id", "namespace");
CREATE INDEX IF NOT EXISTS flows_namespace__id__revision ON flows ("deleted", "tenant_id", "namespace", "id", "revision");

DROP INDEX IF EXISTS templates_namespace;
DROP INDEX IF EXISTS templates_namespace__id;
CREATE INDEX IF NOT EXISTS templates_namespace ON templates ("deleted", "tenant_id", "namespace");
CREATE INDEX IF NOT EXISTS templates_namespace__id ON templates ("deleted", "tenant_id", "namespace", "id");

DROP INDEX IF EXISTS executions_namespace;
DROP INDEX IF EXISTS executions_flow_id;
DROP INDEX IF EXISTS executions_state_current;
DROP INDEX IF EXISTS executions_start_date;
DROP INDEX IF EXISTS executions_end_date;
DROP INDEX IF EXISTS executions_state_duration;
CREATE INDEX IF NOT EXISTS executions_namespace ON executions ("deleted", "tenant_id", "namespace");
CREATE INDEX IF NOT EXISTS executions_flow_id ON executions ("deleted", "tenant_id", "flow_id");
CREATE INDEX IF NOT EXISTS executions_state_current ON executions ("deleted", "tenant_id", "state_current");
CREATE INDEX IF NOT EXISTS executions_start_date ON executions ("deleted", "tenant_id", "start_date");
CREATE INDEX IF NOT EXISTS executions_end_date ON executions ("deleted", "tenant_id", "end_date");
CREATE INDEX IF NOT EXISTS executions_state_duration ON executions ("deleted", "tenant_id", "state_duration");

CREATE INDEX IF NOT EXISTS triggers__tenant ON triggers ("tenant_id");

DROP INDEX IF EXISTS flow_topologies_destination;
DROP INDEX IF EXISTS flow_topologies_destination__source;
CREATE INDEX IF NOT EXISTS flow_topologies_destination ON flow_topologies ("destination_tenant_id", "destination_namespace", "destination_id");
CREATE INDEX IF NOT EXISTS flow_topologies_destination__source ON flow_topologies ("destination_tenant_id", "destination_namespace", "destination_id", "source_tenant_id", "source_namespace", "source_id");

DROP INDEX IF EXISTS metrics_flow_id;
DROP INDEX IF EXISTS metrics_timestamp;
CREATE INDEX IF NOT EXISTS metrics_flow_id ON metrics ("deleted", "tenant_id", "namespace", "flow_id");
CREATE INDEX IF NOT EXISTS metrics_timestamp ON metrics ("deleted", "tenant_id", "timestamp");

DROP INDEX IF EXISTS logs_namespace_flow;
CREATE INDEX IF NOT EXISTS logs_namespace_flow ON logs ("deleted", "tenant_id", "timestamp", "level", "namespace", "flow_id");
-- source: jdbc-postgres/src/main/resources/migrations/postgres/V1_12__execution_triggerid.sql
ALTER TABLE executions ADD COLUMN IF NOT EXISTS trigger_execution_id VARCHAR(150) GENERATED ALWAYS AS (value #>> '{trigger, variables, executionId}') STORED;

CREATE INDEX IF NOT EXISTS executions_trigger_execution_id ON executions ("deleted", "tenant_id", "trigger_execution_id");

-- source: jdbc-postgres/src/main/resources/migrations/postgres/V1_13__log_fulltext.sql
ALTER TABLE logs DROP COLUMN fulltext;

ALTER TABLE logs ADD COLUMN fulltext TSVECTOR GENERATED ALWAYS AS (
    FULLTEXT_INDEX(CAST(value ->> 'namespace' AS varchar)) ||
    FULLTEXT_INDEX(CAST(value ->> 'flowId' AS varchar)) ||
    FULLTEXT_INDEX(COALESCE(CAST(value ->> 'taskId' AS varchar), '')) ||
    FULLTEXT_INDEX(COALESCE(CAST(value ->> 'executionId' AS varchar), '')) ||
    FULLTEXT_INDEX(COALESCE(CAST(value ->> 'taskRunId' AS varchar), '')) ||
    FULLTEXT_INDEX(COALESCE(CAST(value ->> 'triggerId' AS varchar), '')) ||
    FULLTEXT_INDEX(COALESCE(CAST(value ->> 'message' AS varchar), '')) ||
    FULLTEXT_INDEX(COALESCE(CAST(value ->> 'thread' AS varchar), ''))
) STORED;
-- source: jdbc-postgres/src/main/resources/migrations/postgres/V1_14__subflow_executions.sql
ALTER TABLE IF EXISTS workertaskexecutions RENAME TO subflow_executions;

ALTER TYPE queue_type ADD VALUE IF NOT EXISTS 'io.kestra.core.runners.SubflowExecutionResult';
-- source: jdbc-postgres/src/main/resources/migrations/postgres/V1_15__trigger_store_next_date.sql
ALTER TABLE triggers ADD COLUMN "next_execution_date" TIMESTAMPTZ GENERATED ALWAYS AS (PARSE_ISO8601_DATETIME(value ->> 'nextExecutionDate')) STORED;
-- source: jdbc-postgres/src/main/resources/migrations/postgres/V1_16__log_timestamp_index.sql
CREATE INDEX IF NOT EXISTS logs_timestamp ON logs ("timestamp");
-- source: jdbc-postgres/src/main/resources/migrations/postgres/V1_17__service_instance.sql
/* ----------------------- service_instance ----------------------- */
CREATE TABLE IF NOT EXISTS service_instance
(
    key             VARCHAR(250) NOT NULL PRIMARY KEY,
    value           JSONB        NOT NULL,
    service_id      VARCHAR(36)  NOT NULL GENERATED ALWAYS AS (value ->> 'id') STORED,
    service_type    VARCHAR(36)  NOT NULL GENERATED ALWAYS AS (value ->> 'type') STORED,
    state           VARCHAR(36)  NOT NULL GENERATED ALWAYS AS (value ->> 'state') STORED,
    created_at      TIMESTAMPTZ  NOT NULL GENERATED ALWAYS AS (PARSE_ISO8601_DATETIME(value ->> 'createdAt')) STORED,
    updated_at      TIMESTAMPTZ  NOT NULL GENERATED ALWAYS AS (PARSE_ISO8601_DATETIME(value ->> 'updatedAt')) STORED
);

-- source: jdbc-postgres/src/main/resources/migrations/postgres/V1_18__retry_revamp.sql
ALTER TYPE state_type ADD VALUE IF NOT EXISTS 'RETRYING';
-- source: jdbc-postgres/src/main/resources/migrations/postgres/V1_19__retry_flow.sql
ALTER TYPE state_type ADD VALUE IF NOT EXISTS 'RETRIED';

-- source: jdbc-postgres/src/main/resources/migrations/postgres/V1_20__drop_worker_instance.sql
DROP TABLE IF EXISTS worker_instance;
-- source: jdbc-postgres/src/main/resources/migrations/postgres/V1_21__trigger_worker_id.sql
alter table triggers add "worker_id" VARCHAR(250) GENERATED ALWAYS AS (value ->> 'workerId') STORED;
-- source: jdbc-postgres/src/main/resources/migrations/postgres/V1_22__flow_with_source.sql
DO $$
    BEGIN
        BEGIN
            ALTER TYPE queue_type RENAME VALUE 'io.kestra.core.models.flows.Flow' TO 'io.kestra.core.models.flows.FlowWithSource';
        EXCEPTION
            WHEN invalid_parameter_value THEN null;
        END;
    END;
$$;
-- source: jdbc-postgres/src/main/resources/migrations/postgres/V1_23__execution_queued_index.sql
DROP INDEX execution_queued__flow;
CREATE INDEX IF NOT EXISTS execution_queued__flow_date ON execution_queued ("tenant_id", "namespace", "flow_id", "date" );
-- source: jdbc-postgres/src/main/resources/migrations/postgres/V1_24__sla_monitor.sql
CREATE TABLE IF NOT EXISTS sla_monitor (
    key VARCHAR(250) NOT NULL PRIMARY KEY,
    value JSONB NOT NULL,
    execution_id VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value ->> 'executionId') STORED,
    sla_id VARCHAR(150) NOT NULL GENERATED ALWAYS AS (value ->> 'slaId') STORED,
    deadline TIMESTAMPTZ NOT NULL GENERATED ALWAYS AS (PARSE_ISO8601_DATETIME(value ->> 'deadline')) STORED
);

CREATE INDEX IF NOT EXISTS sla_monitor__deadline ON sla_monitor (deadline);
CREATE INDEX IF NOT EXISTS sla_monitor__execution_id ON sla_monitor (execution_id);
-- source: jdbc-postgres/src/main/resources/migrations/postgres/V1_25__dashboard.sql
CREATE TABLE IF NOT EXISTS dashboards (
    key VARCHAR(250) NOT NULL PRIMARY KEY,
    value JSONB NOT NULL,
    tenant_id VARCHAR(250) GENERATED ALWAYS AS (value ->> 'tenantId') STORED,
    deleted BOOL NOT NULL GENERATED ALWAYS AS (CAST(value ->> 'deleted' AS BOOL)) STORED,
    id VARCHAR(100) NOT NULL GENERATED ALWAYS AS (value ->> 'id') STORED,
    title VARCHAR(250) NOT NULL GENERATED ALWAYS AS (value ->> 'title') STORED,
    description TEXT GENERATED ALWAYS AS (value ->> 'description') STORED,
    fulltext TSVECTOR GENERATED ALWAYS AS (
        FULLTEXT_INDEX(CAST(value->>'title' AS VARCHAR))
    ) STORED,
    source_code TEXT NOT NULL,
    created TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX IF NOT EXISTS dashboards_tenant ON dashboards ("deleted", "tenant_id");
CREATE INDEX IF NOT EXISTS dashboards_id ON dashboards ("id", "deleted", "tenant_id");
CREATE INDEX IF NOT EXISTS dashboards_fulltext ON dashboards USING GIN (fulltext);

CREATE OR REPLACE TRIGGER dashboard_updated BEFORE UPDATE
    ON dashboards FOR EACH ROW EXECUTE PROCEDURE
    UPDATE_UPDATED_DATETIME();
-- source: jdbc-postgres/src/main/resources/migrations/postgres/V1_26__skipped.sql
ALTER TYPE state_type ADD VALUE IF NOT EXISTS 'SKIPPED';
-- source: jdbc-postgres/src/main/resources/migrations/postgres/V1_27__escape_fulltext.sql
CREATE OR REPLACE FUNCTION FULLTEXT_REPLACE(text, text) RETURNS text
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
RETURN TRIM(BOTH $2 FROM ARRAY_TO_STRING(
   ARRAY(
       SELECT DISTINCT *
       FROM UNNEST(REGEXP_SPLIT_TO_ARRAY(COALESCE($1, ''), '[^a-zA-Z\d]')) AS a
       WHERE a != ''
   ),
   $2
));

