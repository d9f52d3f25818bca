package io.bacalao.domain.config;

import io.bacalao.domain.config.ConfigKey.IntRange;
import io.bacalao.domain.config.ConfigKey.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every configuration key with Bacalhau's name and default: the one place defaults live
 * ({@code docs/config.md} is generated from it). Keys are PascalCase dotted paths and match case-insensitively.
 * Every key of Bacalhau v1.9 ({@link BacalhauKeys}) is here: those Bacalao acts on, and those it only accepts
 * ({@link ConfigKey#acted()} false, listed in {@link #NOT_ACTED_ON} or registered with {@code bacalhauOnly}).
 */
public final class ConfigKeys {
    public static final String DATA_DIR = "DataDir";
    public static final String NAME_PROVIDER = "NameProvider";
    public static final String API_HOST = "API.Host";
    public static final String API_PORT = "API.Port";
    public static final String WEBUI_ENABLED = "WebUI.Enabled";
    public static final String WEBUI_LISTEN = "WebUI.Listen";
    public static final String WEBUI_BACKEND = "WebUI.Backend";
    // REST API limits (Bacalhau fixes these in pkg/publicapi/config.go and server.go; Bacalao makes them keys)
    public static final String API_MAX_BODY_BYTES = "API.Limits.MaxBodyBytes";
    public static final String API_RATE_LIMIT = "API.Limits.RequestsPerSecond";
    public static final String API_REQUEST_TIMEOUT = "API.Limits.RequestTimeout";
    public static final String API_CORS_ALLOWED_ORIGINS = "API.CORS.AllowedOrigins";
    // API TLS (issue 11; docs/tls.md): server side, then the CLI's side
    public static final String API_TLS_CERT_FILE = "API.TLS.CertFile";
    public static final String API_TLS_KEY_FILE = "API.TLS.KeyFile";
    public static final String API_TLS_SELF_SIGNED = "API.TLS.SelfSigned";
    public static final String API_TLS_AUTO_CERT = "API.TLS.AutoCert";
    public static final String API_TLS_AUTO_CERT_CACHE_PATH = "API.TLS.AutoCertCachePath";
    public static final String API_TLS_USE_TLS = "API.TLS.UseTLS";
    public static final String API_TLS_CA_FILE = "API.TLS.CAFile";
    public static final String API_TLS_INSECURE = "API.TLS.Insecure";
    // API authentication and authorisation (issue 11; docs/auth.md): Bacalhau's API.Auth keys
    public static final String API_AUTH_USERS = "API.Auth.Users";
    public static final String OAUTH2_PROVIDER_ID = "API.Auth.Oauth2.ProviderID";
    public static final String OAUTH2_PROVIDER_NAME = "API.Auth.Oauth2.ProviderName";
    public static final String OAUTH2_DEVICE_AUTHORIZATION_ENDPOINT = "API.Auth.Oauth2.DeviceAuthorizationEndpoint";
    public static final String OAUTH2_TOKEN_ENDPOINT = "API.Auth.Oauth2.TokenEndpoint";
    public static final String OAUTH2_ISSUER = "API.Auth.Oauth2.Issuer";
    public static final String OAUTH2_JWKS_URI = "API.Auth.Oauth2.JWKSUri";
    public static final String OAUTH2_DEVICE_CLIENT_ID = "API.Auth.Oauth2.DeviceClientID";
    public static final String OAUTH2_POLLING_INTERVAL = "API.Auth.Oauth2.PollingInterval";
    public static final String OAUTH2_AUDIENCE = "API.Auth.Oauth2.Audience";
    public static final String OAUTH2_SCOPES = "API.Auth.Oauth2.Scopes";
    public static final String OAUTH2_JWKS_REFRESH = "API.Auth.Oauth2.JWKSRefreshInterval";
    public static final String ORCHESTRATOR_ENABLED = "Orchestrator.Enabled";
    public static final String ORCHESTRATOR_HOST = "Orchestrator.Host";
    public static final String ORCHESTRATOR_PORT = "Orchestrator.Port";
    public static final String ORCHESTRATOR_ADVERTISE = "Orchestrator.Advertise";
    public static final String ORCHESTRATOR_AUTH_TOKEN = "Orchestrator.Auth.Token";
    public static final String ORCHESTRATOR_BROKER_URL = "Orchestrator.Broker.URL";
    // broker least privilege (docs/broker-security.md)
    public static final String ORCHESTRATOR_ALLOW_EMPTY_TOKEN = "Orchestrator.Auth.AllowEmptyToken";
    public static final String ORCHESTRATOR_BROKER_PASSWORD = "Orchestrator.Broker.Password";
    public static final String ORCHESTRATOR_TLS_SERVER_CERT = "Orchestrator.TLS.ServerCert";
    public static final String ORCHESTRATOR_TLS_SERVER_KEY = "Orchestrator.TLS.ServerKey";
    public static final String ORCHESTRATOR_TLS_CA_CERT = "Orchestrator.TLS.CACert";
    public static final String DISCONNECT_TIMEOUT = "Orchestrator.NodeManager.DisconnectTimeout";
    public static final String MANUAL_APPROVAL = "Orchestrator.NodeManager.ManualApproval";
    public static final String WORKER_COUNT = "Orchestrator.Scheduler.WorkerCount";
    public static final String QUEUE_BACKOFF = "Orchestrator.Scheduler.QueueBackoff";
    public static final String HOUSEKEEPING_INTERVAL = "Orchestrator.Scheduler.HousekeepingInterval";
    public static final String HOUSEKEEPING_TIMEOUT = "Orchestrator.Scheduler.HousekeepingTimeout";
    public static final String EVAL_VISIBILITY_TIMEOUT = "Orchestrator.EvaluationBroker.VisibilityTimeout";
    public static final String EVAL_MAX_RETRY = "Orchestrator.EvaluationBroker.MaxRetryCount";
    // state writer (issue 13; docs/state-writer.md)
    public static final String INLINE_EVALUATION = "Orchestrator.Scheduler.InlineEvaluation";
    public static final String EVALUATION_RETENTION = "Orchestrator.Retention.Evaluations";
    // job retention (issue 16; docs/orchestrator-performance.md#retention)
    public static final String JOB_RETENTION = "Orchestrator.Retention.Jobs";
    public static final String JOB_RETENTION_BATCH = "Orchestrator.Retention.JobBatchSize";
    // batched inboxes (issue 13; docs/messaging.md#batched-inboxes)
    public static final String INBOX_BATCH_SIZE = "Orchestrator.Inbox.BatchSize";
    public static final String INBOX_BATCH_WINDOW = "Orchestrator.Inbox.BatchWindow";
    public static final String INBOX_CONSUMERS = "Orchestrator.Inbox.Consumers";
    // API writes admitted at once (issue 13; docs/orchestrator-performance.md, "Overload")
    public static final String API_CONCURRENT_WRITES = "Orchestrator.API.ConcurrentWrites";
    // pre-approved placements (issue 13; docs/state-writer.md, "Pre-approved placements")
    public static final String PRE_APPROVED_PLACEMENTS = "Orchestrator.Scheduler.PreApprovedPlacements";
    // durability (issue 16 item 3; docs/messaging.md, "Durability")
    public static final String SYNC_ON_COMMIT = "Orchestrator.Durability.SyncOnCommit";
    public static final String DATABASE_URL = "Orchestrator.Database.URL";
    public static final String DATABASE_USER = "Orchestrator.Database.User";
    public static final String DATABASE_PASSWORD = "Orchestrator.Database.Password";
    public static final String COMPUTE_DATABASE_URL = "Compute.Database.URL";
    public static final String COMPUTE_DATABASE_USER = "Compute.Database.User";
    public static final String COMPUTE_DATABASE_PASSWORD = "Compute.Database.Password";
    // job spec limits (issue 10; docs/job-spec-limits.md)
    public static final String MAX_JOB_COUNT = "Orchestrator.MaxJobCount";
    public static final String COMPUTE_ENABLED = "Compute.Enabled";
    /** A compute node that fails every execution it runs (devstack --bad-computes; Bacalhau's bad compute actors). */
    public static final String COMPUTE_BAD_ACTOR = "Compute.BadActor";
    public static final String COMPUTE_ORCHESTRATORS = "Compute.Orchestrators";
    public static final String COMPUTE_AUTH_TOKEN = "Compute.Auth.Token";
    public static final String HEARTBEAT_INTERVAL = "Compute.Heartbeat.Interval";
    public static final String INFO_UPDATE_INTERVAL = "Compute.Heartbeat.InfoUpdateInterval";
    public static final String COMPUTE_TLS_CA_CERT = "Compute.TLS.CACert";
    public static final String COMPUTE_TLS_REQUIRE = "Compute.TLS.RequireTLS";
    public static final String CAPACITY_CPU = "Compute.AllocatedCapacity.CPU";
    public static final String CAPACITY_MEMORY = "Compute.AllocatedCapacity.Memory";
    public static final String CAPACITY_DISK = "Compute.AllocatedCapacity.Disk";
    public static final String CAPACITY_GPU = "Compute.AllocatedCapacity.GPU";
    public static final String ADVERTISED_ADDRESS = "Compute.Network.AdvertisedAddress";
    public static final String LOCAL_PUBLISHER_ADDRESS = "Publishers.Types.Local.Address";
    public static final String LOCAL_PUBLISHER_PORT = "Publishers.Types.Local.Port";
    // signed result URLs (issue 11; docs/tls.md)
    public static final String LOCAL_PUBLISHER_URL_EXPIRY = "Publishers.Types.Local.URLExpiry";
    public static final String LABELS = "Labels";
    public static final String LOGGING_LEVEL = "Logging.Level";
    public static final String MAX_EXECUTION_TIMEOUT = "Compute.JobTimeouts.MaxJobExecutionTimeout";
    public static final String ENGINES_DISABLED = "Engines.Disabled";
    public static final String WASM_RUNTIME = "Engines.Types.WASM.Runtime";
    public static final String REJECT_NETWORKED_JOBS = "JobAdmissionControl.RejectNetworkedJobs";
    public static final String REJECT_STATELESS_JOBS = "JobAdmissionControl.RejectStatelessJobs";
    public static final String LOCALITY = "JobAdmissionControl.Locality";
    public static final String PROBE_HTTP = "JobAdmissionControl.ProbeHTTP";
    public static final String PROBE_EXEC = "JobAdmissionControl.ProbeExec";
    public static final String ENV_ALLOW_LIST = "Compute.Env.AllowList";
    public static final String ALLOW_LISTED_LOCAL_PATHS = "Compute.AllowListedLocalPaths";
    public static final String PROBE_TIMEOUT = "JobAdmissionControl.ProbeTimeout";
    public static final String MAX_DOWNLOAD_BYTES = "InputSources.MaxDownloadBytes";
    public static final String MAX_REDIRECTS = "InputSources.MaxRedirects";
    public static final String MAX_INLINE_BYTES = "InputSources.MaxInlineBytes";
    public static final String MAX_UNPACKED_BYTES = "InputSources.MaxUnpackedBytes";
    public static final String MAX_UNPACKED_ENTRIES = "InputSources.MaxUnpackedEntries";
    // S3 inputs and publishers (issue 12; docs/s3.md)
    public static final String S3_INPUT_MAX_BYTES = "InputSources.Types.S3.MaxBytes";
    public static final String S3_INPUT_MAX_OBJECTS = "InputSources.Types.S3.MaxObjects";
    public static final String S3_INPUT_PARALLELISM = "InputSources.Types.S3.Parallelism";
    public static final String S3_PUBLISHER_PART_SIZE = "Publishers.Types.S3.PartSize";
    public static final String S3_PUBLISHER_PARALLELISM = "Publishers.Types.S3.Parallelism";
    public static final String S3_PRESIGNED_URL_DISABLED = "Publishers.Types.S3.PreSignedURLDisabled";
    public static final String S3_PRESIGNED_URL_EXPIRATION = "Publishers.Types.S3.PreSignedURLExpiration";
    // IPFS inputs, publisher and downloads through a Kubo RPC API (issue 12; docs/ipfs.md): Bacalhau's keys
    public static final String IPFS_INPUT_ENDPOINT = "InputSources.Types.IPFS.Endpoint";
    public static final String IPFS_PUBLISHER_ENDPOINT = "Publishers.Types.IPFS.Endpoint";
    public static final String IPFS_DOWNLOADER_ENDPOINT = "ResultDownloaders.Types.IPFS.Endpoint";
    public static final String S3MANAGED_BUCKET = "Publishers.Types.S3Managed.Bucket";
    public static final String S3MANAGED_KEY = "Publishers.Types.S3Managed.Key";
    public static final String S3MANAGED_REGION = "Publishers.Types.S3Managed.Region";
    public static final String S3MANAGED_ENDPOINT = "Publishers.Types.S3Managed.Endpoint";
    public static final String S3MANAGED_PRESIGNED_URL_EXPIRATION = "Publishers.Types.S3Managed.PreSignedURLExpiration";
    // issue 10, compute-side isolation (docs/compute-isolation.md)
    public static final String DOCKER_PIDS_LIMIT = "Engines.Types.Docker.PidsLimit";
    public static final String DOCKER_CAPABILITIES = "Engines.Types.Docker.Capabilities";
    public static final String COMPUTE_OUTPUT_MAX_BYTES = "Compute.Executions.MaxOutputBytes";
    public static final String COMPUTE_EXECUTIONS_RETENTION = "Compute.Executions.Retention";
    // issue 13, compute hot path (docs/compute-performance.md)
    public static final String COMPUTE_RUNNING_REPORT_DELAY = "Compute.Executions.RunningReportDelay";

    // issue 15, networking (docs/networking.md)
    public static final String COMPUTE_PORT_RANGE_START = "Compute.Network.PortRangeStart";
    public static final String COMPUTE_PORT_RANGE_END = "Compute.Network.PortRangeEnd";

    /** Keys registered below that Bacalao accepts but does not act on (yet). */
    private static final java.util.Set<String> NOT_ACTED_ON = java.util.Set.of(
            "API.TLS.AutoCertCachePath", ORCHESTRATOR_ADVERTISE, EVAL_VISIBILITY_TIMEOUT,
            "Logging.Mode",
            "UpdateConfig.Interval", "StrictVersionMatch");

    private static final Map<String, ConfigKey> KEYS = new LinkedHashMap<>();

    static {
        s(DATA_DIR, "~/.bacalao", "Where the node keeps its databases, executions and results.");
        s(NAME_PROVIDER, "puuid", "How the node ID is chosen: puuid (n-<uuid>), uuid or hostname.");
        s(API_HOST, "0.0.0.0", "Address the REST API listens on.");
        i(API_PORT, "1234", IntRange.PORT, "Port of the REST API.");
        i(API_MAX_BODY_BYTES, "10485760", IntRange.atLeast(1),
                "Largest request body the REST API reads, in bytes (Bacalhau: 10MB); larger is 413.");
        i(API_RATE_LIMIT, "1000", IntRange.atLeast(0),
                "Requests per second one client IP may make to the REST API (burst the same);"
                + " more is 429 (0 = no limit).");
        d(API_REQUEST_TIMEOUT, "30s", "A connection that sends no data this long while a request is read is closed"
                + " (HTTP listener idle/read timeouts, as Bacalhau's 30 s request timeout).");
        l(API_CORS_ALLOWED_ORIGINS, "", "Web origins (scheme://host[:port], or *) that may call the REST API and open the"
                + " logs websocket from a browser; empty = none (same-origin and non-browser clients only).");
        // API TLS (issue 11; docs/tls.md)
        s(API_TLS_CERT_FILE, "", "PEM certificate (chain) the orchestrator's API serves over TLS; needs API.TLS.KeyFile.");
        s(API_TLS_KEY_FILE, "", "PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC, unencrypted) of API.TLS.CertFile.");
        b(API_TLS_SELF_SIGNED, "false", "Serve the API over TLS with a self-signed certificate made once and kept in"
                + " <DataDir>/api-tls/ (used when API.TLS.CertFile is not set).");
        s(API_TLS_AUTO_CERT, "", "ACME domain (Bacalhau); not supported by Bacalao: a node with it set refuses to start.");
        s(API_TLS_AUTO_CERT_CACHE_PATH, "", "ACME cache directory (Bacalhau); not supported by Bacalao.");
        b(API_TLS_USE_TLS, "false", "CLI: talk to the API over https (as --tls).");
        s(API_TLS_CA_FILE, "", "CLI: PEM file of the CA certificate(s) to trust for the API, instead of the JDK's (as --cacert).");
        b(API_TLS_INSECURE, "false", "CLI: accept any API certificate and host name (as --insecure); for tests only.");
        // API authentication and authorisation (issue 11; docs/auth.md)
        put(new ConfigKey(API_AUTH_USERS, Kind.JSON, "", "Users of the REST API: a list of {Alias, Username, Password"
                + " (plain or bcrypt), APIKey, Capabilities: [{Actions: [read:job, write:*, ...]}]}; non-empty turns"
                + " the entry-point authoriser on (empty = the API is open to anyone who reaches it).", true));
        s(OAUTH2_PROVIDER_ID, "", "OAuth2/OIDC provider ID; set, it turns the entry-point authoriser on.");
        s(OAUTH2_PROVIDER_NAME, "", "OAuth2/OIDC provider name shown to users (auth info, sso login).");
        s(OAUTH2_DEVICE_AUTHORIZATION_ENDPOINT, "", "The provider's device authorization endpoint (CLI sso login).");
        s(OAUTH2_TOKEN_ENDPOINT, "", "The provider's token endpoint (CLI sso login).");
        s(OAUTH2_ISSUER, "", "Issuer (iss) that bearer JWTs must carry.");
        s(OAUTH2_JWKS_URI, "", "URL of the provider's JSON Web Key Set; bearer JWTs must be RS256-signed by one of its keys.");
        s(OAUTH2_DEVICE_CLIENT_ID, "", "OAuth2 client ID of the CLI's device flow.");
        i(OAUTH2_POLLING_INTERVAL, "0", IntRange.atLeast(0),
                "Seconds between the CLI's token polls in the device flow (0 = the provider's).");
        s(OAUTH2_AUDIENCE, "", "Audience (aud) that bearer JWTs must name.");
        l(OAUTH2_SCOPES, "", "Scopes the CLI asks for in the device flow.");
        d(OAUTH2_JWKS_REFRESH, "1h", "How often the JWKS is fetched again (also at most every 10 s when a token names"
                + " an unknown key ID) (Bacalao; Bacalhau's keyfunc refreshes hourly).");
        b(ORCHESTRATOR_ENABLED, "false", "Run the orchestrator on this node.");
        s(ORCHESTRATOR_HOST, "0.0.0.0", "Address the embedded broker listens on.");
        i(ORCHESTRATOR_PORT, "4222", IntRange.PORT, "Port of the embedded broker that compute nodes connect to.");
        s(ORCHESTRATOR_ADVERTISE, "", "Address compute nodes should use to reach this orchestrator.");
        secret(ORCHESTRATOR_AUTH_TOKEN, "Token compute nodes must present to the broker.");
        s(ORCHESTRATOR_BROKER_URL, "", "URL of an external Artemis broker (tcp://host:port[?params]) to use instead of"
                + " embedding one; compute nodes then list the same broker in Compute.Orchestrators.");
        // broker least privilege (docs/broker-security.md)
        b(ORCHESTRATOR_ALLOW_EMPTY_TOKEN, "false", "Let the embedded broker listen on a non-loopback address without"
                + " Orchestrator.Auth.Token (anyone reaching it can join as a new compute node); logged as a warning.");
        secret(ORCHESTRATOR_BROKER_PASSWORD, "The orchestrator's own password on the external broker of"
                + " Orchestrator.Broker.URL (that broker's BACALAO_BROKER_ORCHESTRATOR_PASSWORD); never the join token."
                + " With the embedded broker it is generated in <DataDir>/broker-password.");
        d(DISCONNECT_TIMEOUT, "1m", "A node without heartbeats this long is DISCONNECTED.");
        b(MANUAL_APPROVAL, "false", "New nodes wait as PENDING until approved.");
        i(WORKER_COUNT, String.valueOf(Runtime.getRuntime().availableProcessors()), IntRange.atLeast(1),
                "Evaluations processed in parallel.");
        d(QUEUE_BACKOFF, "1m", "How often a queued job is evaluated again.");
        d(HOUSEKEEPING_INTERVAL, "30s", "How often timeouts are checked.");
        d(HOUSEKEEPING_TIMEOUT, "2m", "Grace period added to timeouts before housekeeping acts.");
        d(EVAL_VISIBILITY_TIMEOUT, "1m", "An evaluation not finished in this time is delivered again.");
        i(EVAL_MAX_RETRY, "10", IntRange.atLeast(1), "Attempts at an evaluation (counted in the job store; also the broker's"
                + " deliveries) before it is dead-lettered and its job fails.");
        // state writer (issue 13; docs/state-writer.md)
        b(INLINE_EVALUATION, "true", "Evaluate a job in the transaction that stores its submission or a node's report"
                + " about it (no queue round trip); an evaluation completed so is not stored, one that cannot be is"
                + " stored pending and queued (Bacalao; Bacalhau always queues).");
        d(EVALUATION_RETENTION, "1h", "How long an evaluation that ended (complete, failed, cancelled) is kept before a"
                + " sweep deletes it, so the store does not grow with every job; jobs, executions and history are not"
                + " affected (Bacalao).");
        d(JOB_RETENTION, "720h", "How long a job that ended (Completed, Failed, Stopped) is kept after its last change;"
                + " then it is deleted with its versions, executions, history and evaluations and answers 404, and"
                + " compute nodes delete their records of its executions and cap their published results' retention"
                + " at this (0 = kept forever) (Bacalao).");
        i(JOB_RETENTION_BATCH, "100", IntRange.atLeast(1),
                "Most ended jobs one purge transaction deletes, with all their rows; bounds"
                + " the locks and rows a purge holds at once (Bacalao).");
        // batched inboxes (issue 13; docs/messaging.md#batched-inboxes)
        i(INBOX_BATCH_SIZE, "64", IntRange.atLeast(1),
                "Most messages from compute nodes the orchestrator applies in one transaction of the"
                + " job store (1 = each on its own); bounds the locks and rows one transaction holds (Bacalao).");
        d(INBOX_BATCH_WINDOW, "2ms", "How long the orchestrator's inbox waits for more messages after the first of a"
                + " batch (0 = only what has already arrived); the most a report waits for its neighbours (Bacalao).");
        i(INBOX_CONSUMERS, "4", IntRange.atLeast(1),
                "Threads taking batches from the orchestrator's inbox, each with its own broker"
                + " session (Bacalao).");
        i(API_CONCURRENT_WRITES, "16", IntRange.atLeast(0),
                "Most job submits, updates, stops and reruns the API runs at once; the others"
                + " wait their turn (without holding an HTTP thread, so reads are still served), so that under more"
                + " submits than the orchestrator completes the nodes' reports still get the job store (0 = no bound)"
                + " (Bacalao).");
        // pre-approved placements (issue 13; docs/state-writer.md, "Pre-approved placements")
        b(PRE_APPROVED_PLACEMENTS, "true", "Place batch and service executions pre-approved: the node is asked to bid"
                + " and, if its own checks accept, runs at once, without waiting for a separate approval (Bacalhau's"
                + " AskForBid with WaitForApproval=false); false = ask, then approve the accepted bid (Bacalao).");
        b(SYNC_ON_COMMIT, "true", "Make each commit durable before it is acknowledged: the embedded broker syncs its"
                + " journal to disk on every commit and send, the orchestrator's H2 file is written on every commit and"
                + " PostgreSQL keeps its synchronous commit; false = throughput over safety: a power cut or an"
                + " operating-system crash may lose acknowledged messages and the last commits (Bacalao).");
        s(DATABASE_URL, "", "JDBC URL of the job store (jdbc:postgresql:… or jdbc:h2:…); empty = an H2 file under"
                + " DataDir. A hybrid node keeps its compute node's tables there too (docs/store-schema.md).");
        s(DATABASE_USER, "", "User of the job store database.");
        secret(DATABASE_PASSWORD, "Password of the job store database.");
        s(COMPUTE_DATABASE_URL, "", "JDBC URL of a compute-only node's execution store (jdbc:postgresql:… or"
                + " jdbc:h2:…), one database per node; empty = an H2 file under DataDir.");
        s(COMPUTE_DATABASE_USER, "", "User of the compute node's store database.");
        secret(COMPUTE_DATABASE_PASSWORD, "Password of the compute node's store database.");
        // job spec limits (issue 10; docs/job-spec-limits.md)
        i(MAX_JOB_COUNT, String.valueOf(io.bacalao.domain.spec.SpecLimits.DEFAULT_MAX_JOB_COUNT), IntRange.atLeast(1),
                "Most partitions (Count) a submitted job may ask for (Bacalao; Bacalhau has no such limit).");
        b(COMPUTE_ENABLED, "false", "Run a compute node on this node.");
        b(COMPUTE_BAD_ACTOR, "false", "Fail every execution this node runs, after accepting it: a bad actor for testing"
                + " retries and failover, as devstack --bad-computes starts (Bacalao).");
        l(COMPUTE_ORCHESTRATORS, "nats://127.0.0.1:4222", "Orchestrator broker addresses a compute node connects to.");
        secret(COMPUTE_AUTH_TOKEN, "Token this compute node presents to the orchestrator's broker.");
        d(HEARTBEAT_INTERVAL, "15s", "How often a compute node sends a heartbeat.");
        d(INFO_UPDATE_INTERVAL, "1m", "How often a compute node sends its node info.");
        s(CAPACITY_CPU, "80%", "CPU offered to jobs: a share of the machine or cores.");
        s(CAPACITY_MEMORY, "80%", "Memory offered to jobs: a share of the machine or bytes.");
        s(CAPACITY_DISK, "80%", "Disk offered to jobs: a share of the executions disk or bytes.");
        s(CAPACITY_GPU, "100%", "GPUs offered to jobs: a share (rounded up) or a count.");
        i(COMPUTE_PORT_RANGE_START, "20000", IntRange.PORT, "First host port (inclusive) given to the port mappings of jobs"
                + " that name no Static port.");
        i(COMPUTE_PORT_RANGE_END, "32000", IntRange.PORT, "Last host port (inclusive) given to the port mappings of jobs.");
        s(ADVERTISED_ADDRESS, "", "Address the orchestrator and clients use to reach this compute node.");
        b(COMPUTE_TLS_REQUIRE, "false", "Connect to the broker only over TLS (a plain broker is refused).");
        s(COMPUTE_TLS_CA_CERT, "", "CA certificate (PEM) that signed the broker's certificate; setting it turns TLS on.");
        s(ORCHESTRATOR_TLS_SERVER_CERT, "", "Broker TLS certificate (PEM); setting it makes the broker accept only TLS.");
        s(ORCHESTRATOR_TLS_SERVER_KEY, "", "Broker TLS private key (PEM).");
        s(ORCHESTRATOR_TLS_CA_CERT, "", "CA certificate (PEM) that signed the broker's certificate (sent with it).");
        d(MAX_EXECUTION_TIMEOUT, "0s",
                "Longest execution timeout this compute node accepts; it refuses to bid on longer or unlimited jobs (0 = any).");
        l(ALLOW_LISTED_LOCAL_PATHS, "", "Host paths jobs may mount (path[:rw|:ro]).");
        l(ENV_ALLOW_LIST, "", "Host variables jobs may read through env: values (globs).");
        typeDefaults("Batch", true);
        typeDefaults("Ops", true);
        typeDefaults("Daemon", false);
        typeDefaults("Service", false);
        d("JobDefaults.Service.Task.Timeouts.QueueTimeout", "0s",
                "Queue timeout of service jobs that set none (Bacalao; Bacalhau has no such default).");
        s(LOCALITY, "anywhere", "Bid on jobs whose data is anywhere or only local.");
        b(REJECT_STATELESS_JOBS, "false", "Refuse jobs without inputs.");
        b(REJECT_NETWORKED_JOBS, "false", "Refuse jobs that ask for network access.");
        s(PROBE_HTTP, "", "URL asked whether to bid on a job.");
        s(PROBE_EXEC, "", "Command asked whether to bid on a job.");
        d("InputSources.ReadTimeout", "5m", "Time limit for fetching one input.");
        i("InputSources.MaxRetryCount", "3", IntRange.atLeast(0), "Attempts to fetch one input.");
        l("InputSources.Disabled", "", "Input source types this node refuses.");
        s(IPFS_INPUT_ENDPOINT, "", "Kubo RPC API of the IPFS node that ipfs inputs are fetched from, a multiaddress"
                + " (/ip4/127.0.0.1/tcp/5001) or URL; empty = this node offers no ipfs inputs.");
        // Admission probes and input ceilings (Bacalao's own keys; Bacalhau has no such limits): docs/admission-and-inputs.md
        d(PROBE_TIMEOUT, "10s", "Longest wait for a ProbeExec command or ProbeHTTP answer; past it the job is refused.");
        s(MAX_DOWNLOAD_BYTES, "10GiB", "Largest body a urlDownload input, or total size of an ipfs input, may have"
                + " (bytes, e.g. 500MB, 10GiB).");
        i(MAX_REDIRECTS, "5", IntRange.atLeast(0),
                "Redirects a urlDownload input may follow (http/https only, never https to http).");
        s(MAX_INLINE_BYTES, "10MiB", "Largest decoded payload of an inline (data: URL) input.");
        s(MAX_UNPACKED_BYTES, "1GiB", "Largest total size of the files an inline tar.gz input unpacks to.");
        i(MAX_UNPACKED_ENTRIES, "100000", IntRange.atLeast(1),
                "Most entries (files and directories) an inline tar.gz input may hold.");
        // S3 (issue 12; docs/s3.md): the ceilings are Bacalao's, the pre-signing keys Bacalhau's
        s(S3_INPUT_MAX_BYTES, "10GiB", "Largest total size of the objects one s3 input may bring onto the node.");
        i(S3_INPUT_MAX_OBJECTS, "100000", IntRange.atLeast(1),
                "Most objects one s3 input may list (a prefix or glob of more fails).");
        i(S3_INPUT_PARALLELISM, "4", IntRange.atLeast(1), "Objects of one s3 input downloaded at once.");
        s(S3_PUBLISHER_PART_SIZE, "16MiB", "Part size of multipart uploads by the s3 publisher; smaller results"
                + " go up in one PUT (at least 5MiB, S3's smallest part).");
        i(S3_PUBLISHER_PARALLELISM, "4", IntRange.atLeast(1),
                "Parts of one s3 publisher upload sent at once (each holds a part in memory).");
        b(S3_PRESIGNED_URL_DISABLED, "false", "Return s3 results as they are instead of pre-signed download URLs.");
        d(S3_PRESIGNED_URL_EXPIRATION, "1h", "How long the pre-signed URL of an s3 result stays valid.");
        // s3managed: the orchestrator's own bucket (Bacalhau's pkg/config/types/publishers.go S3ManagedPublisher)
        s(S3MANAGED_BUCKET, "", "Bucket of the s3managed publisher, owned by the orchestrator.");
        s(S3MANAGED_KEY, "", "Optional key prefix of s3managed results in the bucket.");
        s(S3MANAGED_REGION, "", "Region of the s3managed bucket (required with a bucket).");
        s(S3MANAGED_ENDPOINT, "", "Optional S3-compatible endpoint of the s3managed bucket (path-style).");
        d(S3MANAGED_PRESIGNED_URL_EXPIRATION, "1h", "How long the pre-signed upload and download URLs of s3managed"
                + " results stay valid.");
        l(ENGINES_DISABLED, "", "Engines this node refuses.");
        s(WASM_RUNTIME, "wasmtime", "Runtime of wasm jobs: wasmtime (native, the default) or chicory (pure Java;"
                + " also used when wasmtime's native library cannot load on this machine).");
        // issue 10, compute-side isolation (docs/compute-isolation.md)
        i(DOCKER_PIDS_LIMIT, "1024", IntRange.atLeast(0), "Most processes a job's container may run at once (0 = no limit).");
        l(DOCKER_CAPABILITIES, "CHOWN,DAC_OVERRIDE,FOWNER,FSETID,KILL,NET_BIND_SERVICE,SETGID,SETUID",
                "Linux capabilities a job's container keeps; all others are dropped.");
        s(COMPUTE_OUTPUT_MAX_BYTES, "100Mi", "Most bytes of stdout and of stderr kept on disk per execution;"
                + " the rest is dropped and the run output is marked truncated.");
        d(COMPUTE_EXECUTIONS_RETENTION, "24h", "How long an ended execution's logs and its locally published"
                + " results are kept before they are deleted (0 = kept until removed by hand).");
        // issue 13, compute hot path (docs/compute-performance.md)
        d(COMPUTE_RUNNING_REPORT_DELAY, "100ms", "How long a run must last before the node reports it Running, and"
                + " a pre-approved execution before the node reports its bid; a run that ends sooner reports only its"
                + " end (0 = report both at once).");
        l("Publishers.Disabled", "", "Publishers this node refuses.");
        s(LOCAL_PUBLISHER_ADDRESS, "127.0.0.1", "Address in the URLs of locally published results.");
        i(LOCAL_PUBLISHER_PORT, "6001", IntRange.PORT, "Port of the local results server.");
        // signed result URLs (issue 11; docs/tls.md)
        d(LOCAL_PUBLISHER_URL_EXPIRY, "24h", "How long a local publisher's result URL stays valid; the URL carries its"
                + " expiry and an HMAC-SHA256 signature by a node key (<DataDir>/compute/result-url-key), checked by the"
                + " results server (an expired, altered or unsigned URL is 403).");
        s(IPFS_PUBLISHER_ENDPOINT, "", "Kubo RPC API of the IPFS node that ipfs results are added to (multiaddress or"
                + " URL); empty = this node offers no ipfs publisher.");
        s(IPFS_DOWNLOADER_ENDPOINT, "", "Kubo RPC API of the IPFS node that 'job get' fetches ipfs results from"
                + " (multiaddress or URL).");
        m(LABELS, "Labels of this node, matched by job constraints.");
        s(LOGGING_LEVEL, "info", "Log level: trace, debug, info, warn, error, fatal or panic. Sets Bacalao's own loggers"
                + " (io.bacalao); Payara's and the libraries' keep theirs.");
        s("Logging.Mode", "default", "Log format: default or json.");
        d("UpdateConfig.Interval", "24h", "How often to check for updates (0 disables).");
        b(WEBUI_ENABLED, "false", "Serve the Web UI.");
        s(WEBUI_LISTEN, "0.0.0.0:8438", "Address of the Web UI.");
        s(WEBUI_BACKEND, "", "Origin (scheme://host[:port]) of the API the Web UI calls; empty = the UI's own"
                + " listener, which serves the same API (docs/webui.md).");
        b("DisableAnalytics", "false", "Send no usage data (Bacalao never sends any, so this always holds).");
        b("StrictVersionMatch", "false", "Refuse clients of another version.");
        // Bacalhau's keys that Bacalao accepts without acting on them; default and description are Bacalhau's
        bacalhauOnly("API.Auth.AccessPolicyPath", Kind.STRING);
        bacalhauOnly("API.Auth.Methods", Kind.JSON);
        bacalhauOnly("Compute.Heartbeat.ResourceUpdateInterval", Kind.DURATION);
        bacalhauOnly("Engines.Types.Docker.ManifestCache.Size", Kind.INT);
        bacalhauOnly("Engines.Types.Docker.ManifestCache.TTL", Kind.DURATION);
        bacalhauOnly("Engines.Types.Docker.ManifestCache.Refresh", Kind.DURATION);
        bacalhauOnly("Logging.LogDebugInfoInterval", Kind.DURATION);
        bacalhauOnly("Orchestrator.Cluster.Name", Kind.STRING);
        bacalhauOnly("Orchestrator.Cluster.Host", Kind.STRING);
        bacalhauOnly("Orchestrator.Cluster.Port", Kind.INT);
        bacalhauOnly("Orchestrator.Cluster.Advertise", Kind.STRING);
        bacalhauOnly("Orchestrator.Cluster.Peers", Kind.LIST);
        bacalhauOnly("Orchestrator.SupportReverseProxy", Kind.BOOL);
        bacalhauOnly("Orchestrator.TLS.ServerTimeout", Kind.INT);
        bacalhauOnly("ResultDownloaders.Disabled", Kind.LIST);
        bacalhauOnly("ResultDownloaders.Timeout", Kind.DURATION);
    }

    private ConfigKeys() {
    }

    private static void typeDefaults(String type, boolean batchLike) {
        String p = "JobDefaults." + type + ".";
        i(p + "Priority", "0", IntRange.ANY, "Priority of " + type.toLowerCase(Locale.ROOT) + " jobs that set none.");
        s(p + "Task.Resources.CPU", "500m", "CPU of " + type.toLowerCase(Locale.ROOT) + " jobs that ask for none.");
        s(p + "Task.Resources.Memory", "512Mb", "Memory of " + type.toLowerCase(Locale.ROOT) + " jobs that ask for none.");
        s(p + "Task.Resources.Disk", "", "Disk of " + type.toLowerCase(Locale.ROOT) + " jobs that ask for none.");
        s(p + "Task.Resources.GPU", "", "GPUs of " + type.toLowerCase(Locale.ROOT) + " jobs that ask for none.");
        if (batchLike) {
            s(p + "Task.Publisher.Type", "", "Publisher of " + type.toLowerCase(Locale.ROOT) + " jobs that set none.");
            m(p + "Task.Publisher.Params", "Parameters of that publisher (k=v,k2=v2; a mapping in a file).");
            d(p + "Task.Timeouts.ExecutionTimeout", "0s", "Execution timeout of " + type.toLowerCase(Locale.ROOT) + " jobs that set none.");
            d(p + "Task.Timeouts.TotalTimeout", "0s", "Total timeout of " + type.toLowerCase(Locale.ROOT) + " jobs that set none.");
            d(p + "Task.Timeouts.QueueTimeout", "0s", "Queue timeout of " + type.toLowerCase(Locale.ROOT) + " jobs that set none.");
        }
    }

    private static void s(String name, String def, String desc) {
        put(new ConfigKey(name, Kind.STRING, def, desc, false));
    }

    private static void secret(String name, String desc) {
        put(new ConfigKey(name, Kind.STRING, "", desc, true));
    }

    /** A whole-number key whose values lie in {@code range}. */
    private static void i(String name, String def, IntRange range, String desc) {
        put(new ConfigKey(name, Kind.INT, def, desc, false, true, range));
    }

    private static void b(String name, String def, String desc) {
        put(new ConfigKey(name, Kind.BOOL, def, desc, false));
    }

    private static void d(String name, String def, String desc) {
        put(new ConfigKey(name, Kind.DURATION, def, desc, false));
    }

    private static void l(String name, String def, String desc) {
        put(new ConfigKey(name, Kind.LIST, def, desc, false));
    }

    private static void m(String name, String desc) {
        put(new ConfigKey(name, Kind.MAP, "", desc, false));
    }

    /** A key of Bacalhau's that Bacalao accepts and does not act on, with Bacalhau's default and description. */
    private static void bacalhauOnly(String name, Kind kind) {
        BacalhauKeys.Key b = BacalhauKeys.find(name).orElseThrow(() -> new IllegalStateException("not Bacalhau's: " + name));
        String def = !b.defaultValue().isEmpty() ? b.defaultValue() : switch (kind) {
            case DURATION -> "0s";
            case INT -> "0";
            case BOOL -> "false";
            default -> "";
        };
        put(new ConfigKey(b.name(), kind, def, b.description(), false, false));
    }

    private static void put(ConfigKey k) {
        if (NOT_ACTED_ON.contains(k.name())) {
            k = k.notActedOn();
        }
        if (KEYS.putIfAbsent(k.name().toLowerCase(Locale.ROOT), k) != null) {
            throw new IllegalStateException("config key registered twice: " + k.name());
        }
    }

    public static List<ConfigKey> all() {
        return Collections.unmodifiableList(new ArrayList<>(KEYS.values()));
    }

    /**
     * The registered key nearest to a name that is not one (Levenshtein distance over lower-case names), when it is
     * near enough to be a likely typo: at most a third of the name's length, and at most 4 edits.
     */
    public static Optional<String> nearest(String name) {
        String lower = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        ConfigKey best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (ConfigKey k : KEYS.values()) {
            int d = EditDistance.between(lower, k.name().toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        boolean near = best != null && bestDistance <= Math.min(4, Math.max(1, lower.length() / 3));
        return near ? Optional.of(best.name()) : Optional.empty();
    }

    /** {@code 'NAME' is not a valid config key} with a "did you mean" hint when one is near. */
    public static String unknownKeyMessage(String name) {
        return "'" + name + "' is not a valid config key"
                + nearest(name).map(n -> "; did you mean '" + n + "'?").orElse(" (bacalao config list shows them all)");
    }

    /** The key with this name in any case; a key below a map key (Labels.region) resolves to the map key. */
    public static Optional<ConfigKey> find(String name) {
        if (name == null) return Optional.empty();
        String lower = name.trim().toLowerCase(Locale.ROOT);
        ConfigKey k = KEYS.get(lower);
        if (k != null) return Optional.of(k);
        int dot = lower.indexOf('.');
        if (dot > 0) {
            ConfigKey parent = KEYS.get(lower.substring(0, dot));
            if (parent != null && parent.kind() == Kind.MAP) return Optional.of(parent);
        }
        return Optional.empty();
    }
}
