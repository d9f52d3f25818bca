-- The orchestrator's and the compute node's tables exactly as the code before versioned migrations made them on
-- PostgreSQL (EclipseLink create-or-extend-tables), dumped with pg_dump --schema-only from a database that code
-- wrote on 2026-12-02 (a hybrid node: both stores in one database).

CREATE TABLE public.compute_execution (
    id character varying(64) NOT NULL,
    json text NOT NULL,
    modify_time bigint NOT NULL,
    state character varying(32) NOT NULL
);

CREATE TABLE public.compute_id_blocks (
    name character varying(50) NOT NULL,
    next_id numeric(38,0)
);

CREATE TABLE public.compute_outbox (
    id bigint NOT NULL,
    body text NOT NULL,
    create_time bigint NOT NULL,
    execution_id character varying(64),
    type character varying(64) NOT NULL
);

CREATE TABLE public.orch_evaluation (
    id character varying(64) NOT NULL,
    attempts integer,
    job_id character varying(64) NOT NULL,
    json character varying(10485760) NOT NULL,
    last_error character varying(1000),
    sent_at bigint NOT NULL,
    status character varying(16) NOT NULL,
    triggered_by character varying(32),
    wait_until bigint NOT NULL
);

CREATE TABLE public.orch_execution (
    id character varying(64) NOT NULL,
    compute_state integer NOT NULL,
    create_time bigint NOT NULL,
    desired_state integer NOT NULL,
    job_id character varying(64) NOT NULL,
    job_version bigint NOT NULL,
    json character varying(10485760) NOT NULL,
    modify_time bigint NOT NULL,
    node_id character varying(128) NOT NULL,
    revision bigint NOT NULL
);

CREATE TABLE public.orch_history (
    id character varying(96) NOT NULL,
    event character varying(10485760) NOT NULL,
    execution_id character varying(64) NOT NULL,
    job_id character varying(64) NOT NULL,
    job_version bigint NOT NULL,
    seq_num bigint NOT NULL,
    time_nanos bigint NOT NULL
);

CREATE TABLE public.orch_job (
    id character varying(64) NOT NULL,
    create_time bigint NOT NULL,
    damaged_json text,
    history_seq bigint NOT NULL,
    json character varying(10485760) NOT NULL,
    modify_time bigint NOT NULL,
    name character varying(512) NOT NULL,
    namespace character varying(256) NOT NULL,
    revision bigint NOT NULL,
    state character varying(16) NOT NULL,
    version_no bigint NOT NULL
);

CREATE TABLE public.orch_job_version (
    id character varying(96) NOT NULL,
    job_id character varying(64) NOT NULL,
    json character varying(10485760) NOT NULL,
    version_no bigint NOT NULL
);

CREATE TABLE public.orch_node (
    id character varying(128) NOT NULL,
    connected_since bigint NOT NULL,
    connection_state character varying(16) NOT NULL,
    disconnected_since bigint NOT NULL,
    info character varying(10485760) NOT NULL,
    last_error character varying(1024),
    last_heartbeat bigint NOT NULL,
    last_seq bigint NOT NULL,
    membership character varying(16) NOT NULL
);

CREATE TABLE public.orch_purged_job (
    id character varying(64) NOT NULL,
    purge_time bigint NOT NULL,
    retention character varying(32) NOT NULL
);

ALTER TABLE ONLY public.compute_execution
    ADD CONSTRAINT compute_execution_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.compute_id_blocks
    ADD CONSTRAINT compute_id_blocks_pkey PRIMARY KEY (name);

ALTER TABLE ONLY public.compute_outbox
    ADD CONSTRAINT compute_outbox_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.orch_evaluation
    ADD CONSTRAINT orch_evaluation_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.orch_execution
    ADD CONSTRAINT orch_execution_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.orch_history
    ADD CONSTRAINT orch_history_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.orch_job
    ADD CONSTRAINT orch_job_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.orch_job_version
    ADD CONSTRAINT orch_job_version_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.orch_node
    ADD CONSTRAINT orch_node_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.orch_purged_job
    ADD CONSTRAINT orch_purged_job_pkey PRIMARY KEY (id);

CREATE INDEX compute_execution_state ON public.compute_execution USING btree (state);

CREATE INDEX orch_evaluation_job ON public.orch_evaluation USING btree (job_id);

CREATE INDEX orch_evaluation_sent ON public.orch_evaluation USING btree (status, sent_at);

CREATE INDEX orch_evaluation_status ON public.orch_evaluation USING btree (status, wait_until);

CREATE INDEX orch_evaluation_waiting ON public.orch_evaluation USING btree (status, triggered_by);

CREATE INDEX orch_execution_job ON public.orch_execution USING btree (job_id);

CREATE INDEX orch_execution_node ON public.orch_execution USING btree (node_id, compute_state);

CREATE INDEX orch_execution_state ON public.orch_execution USING btree (compute_state, modify_time);

CREATE INDEX orch_history_job ON public.orch_history USING btree (job_id, seq_num);

CREATE INDEX orch_job_created ON public.orch_job USING btree (create_time);

CREATE INDEX orch_job_modified ON public.orch_job USING btree (modify_time);

CREATE INDEX orch_job_name ON public.orch_job USING btree (namespace, name);

CREATE INDEX orch_job_ns_created ON public.orch_job USING btree (namespace, create_time, id);

CREATE INDEX orch_job_ns_modified ON public.orch_job USING btree (namespace, modify_time, id);

CREATE INDEX orch_job_state ON public.orch_job USING btree (state);

CREATE INDEX orch_job_version_job ON public.orch_job_version USING btree (job_id, version_no);

CREATE INDEX orch_node_liveness ON public.orch_node USING btree (connection_state, last_heartbeat);

CREATE INDEX orch_purged_job_time ON public.orch_purged_job USING btree (purge_time);

