package io.bacalao.domain.spec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.Resources;
import io.bacalao.domain.selector.Selector;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Property-based fuzz of the job decoders (issue 10): whatever the text or tree, reading and preparing a job throws
 * nothing but {@link SpecException} (no NullPointerException, NumberFormatException, StackOverflowError...), and a
 * job that is accepted can be written and read back and its resources and constraints parsed.
 */
class JobDecoderFuzzTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String BASE = """
            {"Name":"fuzz","Namespace":"default","Type":"batch","Count":2,"Priority":1,
             "Constraints":[{"Key":"region","Operator":"in","Values":["eu","us"]}],
             "Meta":{"owner":"me"},"Labels":{"team":"data"},
             "Tasks":[{"Name":"main",
               "Engine":{"Type":"docker","Params":{"Image":"busybox:1.37.0","Entrypoint":["/bin/sh"],"Parameters":["-c","ls"]}},
               "Publisher":{"Type":"local"},"Env":{"A":"1"},"Meta":{"k":"v"},
               "InputSources":[{"Source":{"Type":"urlDownload","Params":{"URL":"http://example.com/x"}},"Alias":"x","Target":"/inputs"}],
               "ResultPaths":[{"Name":"outputs","Path":"/outputs"}],
               "Resources":{"CPU":"500m","Memory":"512Mb","Disk":"1GB","GPU":"0"},
               "Network":{"Type":"HTTP","Domains":["example.com"],"Ports":[{"Name":"http","Target":8080}]},
               "Timeouts":{"ExecutionTimeout":60,"QueueTimeout":10,"TotalTimeout":100}}]}
            """;
    private static final String LEGACY_WASM = """
            {"Type":"batch","Tasks":[{"Name":"main","Engine":{"Type":"wasm","Params":{
              "EntryModule":{"Source":{"Type":"inline","Params":{"URL":"data:,x"}},"Target":"/wasm/main.wasm"},
              "ImportModules":[{"Source":{"Type":"inline","Params":{"URL":"data:,y"}}}],"Entrypoint":"_start"}}}]}
            """;
    private static final String YAML = """
            Name: fuzz
            Type: batch
            Count: 1
            Labels: {team: data}
            Tasks:
              - Name: main
                Engine:
                  Type: docker
                  Params:
                    Image: busybox:1.37.0
                    Parameters: [-c, "echo 15 > /outputs/x"]
                Publisher: {Type: local}
                ResultPaths:
                  - Name: outputs
                    Path: /outputs
                Timeouts: {ExecutionTimeout: 60}
            """;
    private static final List<String> PATHS = List.of("Name", "Namespace", "Type", "Priority", "Count", "Constraints",
            "Constraints[0]", "Constraints[0].Key", "Constraints[0].Operator", "Constraints[0].Values",
            "Constraints[0].Values[0]", "Meta", "Meta.owner", "Labels", "Labels.team", "Tasks", "Tasks[0]",
            "Tasks[0].Name", "Tasks[0].Engine", "Tasks[0].Engine.Type", "Tasks[0].Engine.Params",
            "Tasks[0].Engine.Params.EntryModule", "Tasks[0].Engine.Params.ImportModules",
            "Tasks[0].Engine.Params.Parameters", "Tasks[0].Publisher", "Tasks[0].Publisher.Type", "Tasks[0].Env",
            "Tasks[0].Env.A", "Tasks[0].Meta", "Tasks[0].InputSources", "Tasks[0].InputSources[0]",
            "Tasks[0].InputSources[0].Source", "Tasks[0].InputSources[0].Source.Type",
            "Tasks[0].InputSources[0].Source.Params", "Tasks[0].InputSources[0].Target",
            "Tasks[0].InputSources[0].Alias", "Tasks[0].ResultPaths", "Tasks[0].ResultPaths[0]",
            "Tasks[0].ResultPaths[0].Name", "Tasks[0].ResultPaths[0].Path", "Tasks[0].Resources",
            "Tasks[0].Resources.CPU", "Tasks[0].Resources.Memory", "Tasks[0].Resources.Disk", "Tasks[0].Resources.GPU",
            "Tasks[0].Network", "Tasks[0].Network.Type", "Tasks[0].Network.Domains", "Tasks[0].Network.Ports",
            "Tasks[0].Network.Ports[0]", "Tasks[0].Network.Ports[0].Target", "Tasks[0].Network.Ports[0].Name",
            "Tasks[0].Timeouts", "Tasks[0].Timeouts.ExecutionTimeout", "Tasks[0].Timeouts.QueueTimeout",
            "Tasks[0].Timeouts.TotalTimeout", "State", "State.StateType", "Version", "CreateTime", "ModifyTime", "ID");
    private static final List<Supplier<JsonNode>> VALUES = List.of(
            F::nullNode, () -> F.booleanNode(true), () -> F.numberNode(0), () -> F.numberNode(-1),
            () -> F.numberNode(2147483648L), () -> F.numberNode(Long.MAX_VALUE),
            () -> F.numberNode(new BigInteger("99999999999999999999")), () -> F.numberNode(1e30),
            () -> F.numberNode(-0.5), () -> F.numberNode(100000000), () -> F.textNode(""), () -> F.textNode(" "),
            () -> F.textNode("/"), () -> F.textNode(".."), () -> F.textNode("../.."), () -> F.textNode("/host"),
            () -> F.textNode("a/b"), () -> F.textNode("\u0000"), () -> F.textNode("x\u202Ey"),
            () -> F.textNode("\uD800"), () -> F.textNode("x".repeat(5000)), () -> F.textNode("1e400"),
            () -> F.textNode("-1"), () -> F.textNode("500m"), () -> F.textNode("abc"), () -> F.textNode("in"),
            () -> F.textNode("Host"), () -> F.textNode("batch"), () -> F.textNode("daemon"), () -> F.textNode("wasm"),
            F::arrayNode, () -> F.arrayNode().add(F.nullNode()), () -> F.arrayNode().add(1).add("a"),
            F::objectNode, () -> F.objectNode().putNull("Type"), () -> F.objectNode().put("Type", "ipfs"),
            () -> F.objectNode().set("a", F.objectNode().set("b", F.arrayNode().add(F.objectNode()))),
            () -> F.objectNode().put("Source", "x").put("Target", "/"), JobDecoderFuzzTest::deepArray);

    @Property(tries = 1000)
    void aMutatedJobIsEitherPreparedOrRefusedWithASpecException(
            @ForAll("mutations") List<Tuple.Tuple3<Integer, Integer, Boolean>> mutations) throws Exception {
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(mutations.size() % 2 == 0 ? BASE : LEGACY_WASM);
        for (var m : mutations) set(tree, PATHS.get(m.get1()), VALUES.get(m.get2()).get());
        decodeAndPrepare(() -> JobReader.readRequest(tree));
    }

    @Property(tries = 500)
    void aJsonTextWithInsertedCharactersIsEitherReadOrRefused(@ForAll("edits") Tuple.Tuple2<Integer, String> edit) {
        decodeAndPrepare(() -> JobReader.readFile(insert(Json.write(parse(BASE)), edit)));
    }

    @Property(tries = 500)
    void aYamlTextWithInsertedCharactersIsEitherReadOrRefused(@ForAll("edits") Tuple.Tuple2<Integer, String> edit) {
        decodeAndPrepare(() -> JobReader.readFile(insert(YAML, edit)));
    }

    @Property(tries = 300)
    void anyTextIsEitherReadOrRefused(@ForAll String text) {
        decodeAndPrepare(() -> JobReader.readFile(text));
    }

    @Provide
    Arbitrary<List<Tuple.Tuple3<Integer, Integer, Boolean>>> mutations() {
        Arbitrary<Tuple.Tuple3<Integer, Integer, Boolean>> one = Combinators.combine(
                Arbitraries.integers().between(0, PATHS.size() - 1), Arbitraries.integers().between(0, VALUES.size() - 1),
                Arbitraries.of(true, false)).as(Tuple::of);
        return one.list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<Tuple.Tuple2<Integer, String>> edits() {
        return Combinators.combine(Arbitraries.integers().between(0, 2000),
                Arbitraries.strings().withChars("{}[]:,\"'&*!|>-#\n \t\\0aZ9.e/%@`?<=").ofMinLength(1).ofMaxLength(8))
                .as(Tuple::of);
    }

    private static void decodeAndPrepare(Supplier<Job> read) {
        Job job;
        try {
            job = read.get();
            job = new SubmissionPreparer(JobDefaults.standard(), "n-fuzz").prepare(job).job();
        } catch (SpecException e) {
            assertNotNull(e.getMessage());
            return;
        }
        Job back = Json.read(Json.write(job), Job.class);
        Resources r = Resources.parse(back.task().resources());
        assertTrue(Double.isFinite(r.cpu()) && r.memory() >= 0 && r.disk() >= 0 && r.gpu() >= 0, r.toString());
        Selector.of(back.constraints());
        assertTrue(back.count() >= 0 && back.count() <= SpecLimits.DEFAULT_MAX_JOB_COUNT, "Count " + back.count());
        for (var out : back.task().resultPaths()) {
            // a plain folder name: a hidden one (".outputs", as an edit made once) is as good as any
            assertFalse(out.name().contains("/") || out.name().equals(".") || out.name().equals("..") || !out.path().startsWith("/")
                    || out.path().contains(".."), out.toString());
        }
        for (var in : back.task().inputSources()) {
            assertFalse(!in.target().startsWith("/") || in.target().contains("..") || in.target().equals("/"),
                    in.toString());
        }
    }

    private static String insert(String text, Tuple.Tuple2<Integer, String> edit) {
        int at = Math.min(edit.get1(), text.length());
        return text.substring(0, at) + edit.get2() + text.substring(at);
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode deepArray() {
        ArrayNode root = F.arrayNode();
        ArrayNode cur = root;
        for (int i = 0; i < 200; i++) cur = cur.addArray();
        return root;
    }

    /** Sets {@code a.b[0].c} in the tree, creating nothing: a path through a missing or scalar node is skipped. */
    private static void set(JsonNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        JsonNode cur = root;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            Integer index = null;
            if (part.endsWith("]")) {
                index = Integer.parseInt(part.substring(part.indexOf('[') + 1, part.length() - 1));
                part = part.substring(0, part.indexOf('['));
            }
            boolean last = i == parts.length - 1;
            if (!(cur instanceof ObjectNode obj)) return;
            if (last && index == null) {
                obj.set(part, value);
                return;
            }
            JsonNode next = obj.get(part);
            if (index != null) {
                if (!(next instanceof ArrayNode arr) || arr.size() <= index) return;
                if (last) {
                    arr.set(index, value);
                    return;
                }
                next = arr.get(index);
            }
            cur = next;
        }
    }
}
