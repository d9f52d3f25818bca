package io.bacalao.cli.command.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.cli.CliException;
import io.bacalao.cli.command.ClientCommand;
import io.bacalao.cli.render.OutputOptions;
import io.bacalao.cli.render.Table;
import io.bacalao.domain.api.ApiModels;
import io.bacalao.domain.model.ComputeNodeInfo;
import io.bacalao.domain.model.NodeState;
import io.bacalao.domain.model.Resources;
import io.bacalao.domain.quantity.Quantities;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bacalao node list}: ID, TYPE, APPROVAL, STATUS, plus the column groups of --show. */
@Command(name = "list", description = "List the nodes the orchestrator knows.")
public class NodeListCommand extends ClientCommand {
    static final List<String> GROUPS = List.of("labels", "capacity", "features", "version");

    @Option(names = "--show", split = ",", description = "Column groups: labels, capacity, features, version.")
    List<String> show = new ArrayList<>();

    @Option(names = "--labels", description = "Label selector on node labels.")
    String labels;

    @Option(names = "--filter-approval", description = "approved, pending or rejected.")
    String approval;

    @Option(names = "--filter-status", description = "connected or disconnected.")
    String status;

    @Option(names = "--order-by", description = "id, type, available_cpu, available_memory, available_disk, available_gpu, approval, status.")
    String orderBy;

    @Option(names = "--order-reversed", description = "Reverse the order.")
    boolean reversed;

    @Option(names = "--limit", defaultValue = "0", description = "Maximum number of nodes (0 = all).")
    int limit;

    @Option(names = "--next-token", description = "Page token (sent as next_token; the route answers one page, as Bacalhau's).")
    String nextToken;

    @Mixin
    OutputOptions output;

    @Override
    protected void execute() {
        for (String g : show) {
            if (!GROUPS.contains(g.toLowerCase(Locale.ROOT))) {
                throw new CliException("unknown --show group '" + g + "': use " + String.join(", ", GROUPS));
            }
        }
        StringJoiner q = new StringJoiner("&", "/api/v1/orchestrator/nodes?", "");
        add(q, "labels", labels);
        add(q, "filter-approval", approval);
        add(q, "filter-status", status);
        add(q, "order_by", orderBy);
        if (reversed) q.add("reverse=true");
        if (limit > 0) q.add("limit=" + limit);
        add(q, "next_token", nextToken);
        if (output.isTable() && show.isEmpty()) {
            printDefaultTable(client().get(q.toString(), JsonNode.class));
            return;
        }
        ApiModels.ListNodesResponse r = client().get(q.toString(), ApiModels.ListNodesResponse.class);
        if (output.printStructured(out(), r.nodes())) return;
        List<String> headers = new ArrayList<>(List.of("ID", "Type", "Approval", "Status"));
        boolean labelsCol = has("labels");
        boolean capacity = has("capacity");
        boolean features = has("features");
        boolean version = has("version");
        if (labelsCol) headers.add("Labels");
        if (capacity) headers.addAll(List.of("CPU", "Memory", "Disk", "GPU"));
        if (features) headers.addAll(List.of("Engines", "Inputs From", "Outputs"));
        if (version) headers.addAll(List.of("Version", "Architecture", "OS"));
        Table t = new Table(headers);
        for (NodeState n : r.nodes()) {
            List<Object> row = new ArrayList<>(List.<Object>of(n.id(), n.info().nodeType(), n.membership(), n.connection()));
            ComputeNodeInfo c = n.info().computeNodeInfo();
            if (labelsCol) row.add(labels(n.info().labels()));
            if (capacity) row.addAll(capacity(c));
            if (features) {
                row.add(c == null ? "" : String.join("\n", c.executionEngines()));
                row.add(c == null ? "" : String.join("\n", c.storageSources()));
                row.add(c == null ? "" : String.join("\n", c.publishers()));
            }
            if (version) {
                var v = n.info().version();
                row.addAll(v == null ? List.of("", "", "") : List.of(v.gitVersion(), v.goarch(), v.goos()));
            }
            t.row(row.toArray());
        }
        t.print(out(), output);
    }

    /**
     * The default table's four columns, read from the JSON tree: binding the node model costs a fresh JVM more CPU
     * than the rest of the command (docs/cli-startup.md). Same cells as the model's: the enums print their names.
     */
    private void printDefaultTable(JsonNode page) {
        Table t = new Table(List.of("ID", "Type", "Approval", "Status"));
        for (JsonNode n : page.path("Nodes")) {
            JsonNode info = n.path("Info");
            t.row(info.path("NodeID").asText(), info.path("NodeType").asText(), n.path("Membership").asText(),
                    n.path("ConnectionState").path("Status").asText());
        }
        t.print(out(), output);
    }

    private boolean has(String group) {
        return show.stream().anyMatch(g -> g.equalsIgnoreCase(group));
    }

    private static String labels(Map<String, String> labels) {
        StringJoiner j = new StringJoiner(" ");
        labels.forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }

    /** CPU as "avail / max" with one decimal; memory and disk humanised; GPU as counts. */
    static List<String> capacity(ComputeNodeInfo c) {
        if (c == null) return List.of("", "", "", "");
        Resources a = c.availableCapacity();
        Resources m = c.maxCapacity();
        return List.of(String.format(Locale.ROOT, "%.1f / %.1f", a.cpu(), m.cpu()),
                Quantities.formatBytes(a.memory()) + " / " + Quantities.formatBytes(m.memory()),
                Quantities.formatBytes(a.disk()) + " / " + Quantities.formatBytes(m.disk()),
                a.gpu() + " / " + m.gpu());
    }

    private static void add(StringJoiner q, String key, String value) {
        if (value != null && !value.isBlank()) q.add(key + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
