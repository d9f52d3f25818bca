package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The unit of work of a job: an engine with its inputs, outputs, resources, network and timeouts. */
public record Task(
        @JsonProperty("Name") String name,
        @JsonProperty("Engine") SpecConfig engine,
        @JsonProperty("Publisher") SpecConfig publisher,
        @JsonProperty("Env") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> env,
        @JsonProperty("Meta") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> meta,
        @JsonProperty("InputSources") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<InputSource> inputSources,
        @JsonProperty("ResultPaths") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ResultPath> resultPaths,
        @JsonProperty("Resources") ResourcesConfig resources,
        @JsonProperty("Network") NetworkConfig network,
        @JsonProperty("Timeouts") TimeoutConfig timeouts) {

    public Task {
        name = name == null ? "" : name.trim();
        engine = engine == null ? SpecConfig.of("") : engine;
        publisher = publisher == null ? SpecConfig.of("") : publisher;
        env = env == null ? Map.of() : new LinkedHashMap<>(env);
        meta = meta == null ? Map.of() : new LinkedHashMap<>(meta);
        inputSources = inputSources == null ? List.of() : List.copyOf(inputSources);
        resultPaths = resultPaths == null ? List.of() : List.copyOf(resultPaths);
        resources = resources == null ? ResourcesConfig.EMPTY : resources;
        network = network == null ? NetworkConfig.DEFAULT : network;
        timeouts = timeouts == null ? TimeoutConfig.NONE : timeouts;
    }

    public static Task of(String name, SpecConfig engine) {
        return new Task(name, engine, null, null, null, null, null, null, null, null);
    }

    public Task withResources(ResourcesConfig r) {
        return new Task(name, engine, publisher, env, meta, inputSources, resultPaths, r, network, timeouts);
    }

    public Task withTimeouts(TimeoutConfig t) {
        return new Task(name, engine, publisher, env, meta, inputSources, resultPaths, resources, network, t);
    }

    public Task withPublisher(SpecConfig p) {
        return new Task(name, engine, p, env, meta, inputSources, resultPaths, resources, network, timeouts);
    }

    public Task withInputSources(List<InputSource> in) {
        return new Task(name, engine, publisher, env, meta, in, resultPaths, resources, network, timeouts);
    }

    public Task withResultPaths(List<ResultPath> out) {
        return new Task(name, engine, publisher, env, meta, inputSources, out, resources, network, timeouts);
    }

    public Task withEngine(SpecConfig e) {
        return new Task(name, e, publisher, env, meta, inputSources, resultPaths, resources, network, timeouts);
    }

    public Task withEnv(Map<String, String> e) {
        return new Task(name, engine, publisher, e, meta, inputSources, resultPaths, resources, network, timeouts);
    }

    public Task withNetwork(NetworkConfig n) {
        return new Task(name, engine, publisher, env, meta, inputSources, resultPaths, resources, n, timeouts);
    }
}
