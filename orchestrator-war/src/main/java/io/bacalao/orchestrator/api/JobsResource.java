package io.bacalao.orchestrator.api;

import io.bacalao.domain.api.ApiModels;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.JobHistory;
import io.bacalao.domain.selector.Selector;
import io.bacalao.domain.spec.JobReader;
import io.bacalao.domain.spec.SpecException;
import io.bacalao.orchestrator.jobs.JobService;
import io.bacalao.orchestrator.jobs.SubmitResult;
import io.bacalao.orchestrator.store.JobPage;
import io.bacalao.orchestrator.store.JobQuery;
import io.bacalao.orchestrator.store.JobStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;

/**
 * {@code /api/v1/orchestrator/jobs}: submit, diff, rerun, list, get, stop, history, executions, versions (§1.4). A
 * submit, rerun or stop is answered when the API's write gate has run it ({@link ApiWrites}).
 */
@RequestScoped
@Path("api/v1/orchestrator/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {
    @Inject
    JobService service;
    @Inject
    ApiWrites writes;
    @Inject
    JobStore store;
    @Inject
    HistoryPager historyPager;
    @Inject
    io.bacalao.orchestrator.results.S3ResultSigner s3Signer;
    @Inject
    io.bacalao.orchestrator.results.S3ManagedUrls s3Managed;

    @PUT
    public void put(ApiModels.PutJobRequest request, @Suspended AsyncResponse response) {
        writes.answer(response, () -> {
            if (request == null || request.job() == null || request.job().isNull()) {
                throw new SpecException("missing job in request: send {\"Job\": {...}}");
            }
            return service.submit(JobReader.readRequest(request.job()), request.force());
        }, (SubmitResult r) -> new ApiModels.PutJobResponse(r.jobId(), r.evaluationId(),
                r.warnings().isEmpty() ? null : r.warnings()));
    }

    @POST
    public void post(ApiModels.PutJobRequest request, @Suspended AsyncResponse response) {
        put(request, response);
    }

    /** Compares a spec with the stored job of the same Name (what {@code job run --dry-run} shows). */
    @PUT
    @Path("diff")
    public ApiModels.DiffJobResponse diff(ApiModels.DiffJobRequest request) {
        if (request == null || request.job() == null || request.job().isNull()) {
            throw new SpecException("missing job in request: send {\"Job\": {...}}");
        }
        JobService.DiffResult r = service.diff(JobReader.readRequest(request.job()));
        return new ApiModels.DiffJobResponse(r.diff(), r.warnings().isEmpty() ? null : r.warnings());
    }

    @PUT
    @Path("{id}/rerun")
    public void rerun(@PathParam("id") String id, @QueryParam("namespace") String namespace,
                      ApiModels.RerunJobRequest request, @Suspended AsyncResponse response) {
        writes.answer(response, () -> {
            long version = request == null ? 0 : request.jobVersion();
            String reason = request == null ? null : request.reason();
            return service.rerun(id, QueryParams.text("namespace", namespace), version, reason);
        }, (JobService.RerunResult r) -> new ApiModels.RerunJobResponse(r.jobId(), r.jobVersion(), r.evaluationId(), null));
    }

    @GET
    public ApiModels.ListResponse<Job> list(@QueryParam("namespace") String namespace, @QueryParam("limit") String limit,
                                       @QueryParam("next_token") String nextToken, @QueryParam("order_by") String orderBy,
                                       @QueryParam("reverse") String reverse, @QueryParam("labels") List<String> labels,
                                       @QueryParam("state") List<String> states) {
        namespace = QueryParams.text("namespace", namespace);
        orderBy = QueryParams.text("order_by", orderBy);
        int pageSize = QueryParams.limit(limit, QueryParams.MAX_LIMIT);
        boolean reversed = QueryParams.bool("reverse", reverse);
        PagingToken page = nextToken != null && !nextToken.isBlank() ? PagingToken.decode(nextToken)
                : new PagingToken(orderBy == null || orderBy.isBlank() ? "created_at" : orderBy, reversed, pageSize, 0);
        if (!page.sortBy().equals("created_at") && !page.sortBy().equals("modified_at")) {
            // Bacalhau answers this with 500 (an error without a code); a bad parameter is the client's, so 400
            throw new BadParameterException("OrderBy " + page.sortBy() + " not supported for listJobs");
        }
        JobPage result = store.list(new JobQuery(namespace, page.sortBy(), page.reverse(), page.limit(), page.offset(),
                Selectors.parse(QueryParams.labels(labels)), JobStates.parse(states)));
        String next = result.more()
                ? new PagingToken(page.sortBy(), page.reverse(), page.limit(), page.offset() + result.jobs().size()).encode()
                : "";
        return new ApiModels.ListResponse<>(result.jobs(), next);
    }

    @GET
    @Path("{id}")
    public ApiModels.GetJobResponse get(@PathParam("id") String id, @QueryParam("namespace") String namespace,
                                   @QueryParam("include") String include, @QueryParam("job_version") String jobVersion) {
        long requested = QueryParams.nonNegative("job_version", jobVersion);
        Job latest = store.resolve(id, QueryParams.text("namespace", namespace));
        Job job = JobVersionChoice.of(latest, requested, n -> store.version(latest.id(), n));
        include = QueryParams.text("include", include);
        List<String> parts = include == null ? List.of() : Arrays.stream(include.split(",")).map(String::trim).toList();
        ApiModels.ListResponse<JobHistory> history = parts.contains("history")
                ? ApiModels.ListResponse.of(store.history(job.id(), 0, 0).stream()
                        .filter(h -> requested == 0 || h.jobVersion() == job.version()).toList()) : null;
        ApiModels.ListResponse<Execution> executions = parts.contains("executions")
                ? ApiModels.ListResponse.of(currentVersion(store.executions(job.id()), job)) : null;
        return new ApiModels.GetJobResponse(job, history, executions);
    }

    @DELETE
    @Path("{id}")
    public void stop(@PathParam("id") String id, @QueryParam("namespace") String namespace,
                     @QueryParam("reason") String reasonQuery, ApiModels.StopJobRequest body,
                     @Suspended AsyncResponse response) {
        writes.answer(response, () -> {
            String inQuery = QueryParams.text("reason", reasonQuery, QueryParams.MAX_SELECTOR);
            String reason = body != null && body.reason() != null ? body.reason() : inQuery;
            return service.stop(id, QueryParams.text("namespace", namespace), reason);
        }, ApiModels.StopJobResponse::new);
    }

    @GET
    @Path("{id}/history")
    public ApiModels.ListResponse<JobHistory> history(@PathParam("id") String id, @QueryParam("namespace") String namespace,
                                                 @QueryParam("limit") String limit,
                                                 @QueryParam("next_token") String nextToken,
                                                 @QueryParam("since") String since,
                                                 @QueryParam("event_type") String eventType,
                                                 @QueryParam("execution_id") String executionId,
                                                 @QueryParam("job_version") String jobVersion,
                                                 @QueryParam("all_job_versions") String allVersions) {
        HistoryPager.Filter filter = new HistoryPager.Filter(QueryParams.limit(limit, HistoryPager.DEFAULT_LIMIT),
                QueryParams.text("next_token", nextToken, QueryParams.MAX_TOKEN),
                QueryParams.nonNegative("since", since), QueryParams.text("event_type", eventType),
                QueryParams.text("execution_id", executionId), QueryParams.nonNegative("job_version", jobVersion),
                QueryParams.bool("all_job_versions", allVersions));
        Job job = store.resolve(id, QueryParams.text("namespace", namespace));
        return historyPager.page(job, filter);
    }

    @GET
    @Path("{id}/executions")
    public ApiModels.ListResponse<Execution> executions(@PathParam("id") String id, @QueryParam("namespace") String namespace,
                                                   @QueryParam("order_by") String orderBy, @QueryParam("reverse") String reverseText,
                                                   @QueryParam("limit") String limitText,
                                                   @QueryParam("job_version") String jobVersionText,
                                                   @QueryParam("all_job_versions") String allVersionsText) {
        orderBy = QueryParams.text("order_by", orderBy);
        boolean reverse = QueryParams.bool("reverse", reverseText);
        int limit = QueryParams.limit(limitText, QueryParams.MAX_LIMIT);
        long jobVersion = QueryParams.nonNegative("job_version", jobVersionText);
        boolean allVersions = QueryParams.bool("all_job_versions", allVersionsText);
        Job job = store.resolve(id, QueryParams.text("namespace", namespace));
        long version = jobVersion > 0 ? jobVersion : job.version();
        List<Execution> all = store.executions(job.id()).stream()
                .filter(e -> allVersions || e.jobVersion() == version).toList();
        return ApiModels.ListResponse.of(ExecutionOrder.sort(all, orderBy, reverse, limit));
    }

    @GET
    @Path("{id}/versions")
    public ApiModels.ListResponse<Job> versions(@PathParam("id") String id, @QueryParam("namespace") String namespace) {
        Job job = store.resolve(id, QueryParams.text("namespace", namespace));
        return ApiModels.ListResponse.of(store.versions(job.id()));
    }

    /**
     * Published results of the latest version's completed executions (batch and ops jobs only); the client
     * downloads them itself, the orchestrator never proxies result bytes.
     */
    @GET
    @Path("{id}/results")
    public ApiModels.ListResponse<io.bacalao.domain.model.SpecConfig> results(@PathParam("id") String id,
                                                                             @QueryParam("namespace") String namespace) {
        Job job = store.resolve(id, QueryParams.text("namespace", namespace));
        if (job.jobType().isLongRunning()) {
            throw io.bacalao.domain.error.BacalaoException.plain("job type " + job.type() + " does not support results", null);
        }
        return ApiModels.ListResponse.of(currentVersion(store.executions(job.id()), job).stream()
                .filter(e -> e.state() == io.bacalao.domain.model.ExecutionStateType.Completed)
                .map(Execution::publishedResult).filter(r -> !r.isEmpty()).map(s3Signer::transform).map(s3Managed::transform).toList());
    }

    private static List<Execution> currentVersion(List<Execution> all, Job job) {
        return all.stream().filter(e -> e.jobVersion() == job.version()).toList();
    }

    /** Label selectors from repeated {@code labels} parameters; bad syntax is a 400. */
    static final class Selectors {
        static Selector parse(List<String> labels) {
            try {
                return labels == null || labels.isEmpty() ? Selector.EVERYTHING : Selector.parseAll(labels);
            } catch (IllegalArgumentException e) {
                throw new BadParameterException("invalid labels selector: " + e.getMessage());
            }
        }
    }
}
