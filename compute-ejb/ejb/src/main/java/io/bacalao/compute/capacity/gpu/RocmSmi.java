package io.bacalao.compute.capacity.gpu;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bacalao.domain.model.GpuInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AMD GPUs, from {@code rocm-smi --showproductname --showmeminfo vram --showbus --json}.
 *
 * <p>The output is one JSON object with a member {@code card<N>} per GPU (N becomes the index), each an object of
 * strings. Read from it: the name from {@code Card series}, else {@code Card model}, else {@code Card SKU};
 * {@code VRAM Total Memory (B)} in bytes, converted to MiB rounding down; {@code PCI Bus} such as
 * {@code 0000:03:00.0} (only its first word: some builds append {@code --> SN: …}; empty when absent).
 * Keys are matched ignoring case because rocm-smi 5 writes {@code Card series} and rocm-smi 6 {@code Card Series}.
 * Other members (e.g. {@code system}) and other keys are ignored. A card without a name or a VRAM total is an error.
 */
public final class RocmSmi implements GpuProvider {
    public static final String VENDOR = "AMD/ATI";
    private static final List<String> COMMAND = List.of("rocm-smi",
            "--showproductname", "--showmeminfo", "vram", "--showbus", "--json");
    private static final Pattern CARD = Pattern.compile("card(\\d{1,9})");
    private static final long BYTES_PER_MIB = 1024L * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String vendor() {
        return VENDOR;
    }

    @Override
    public List<String> command() {
        return COMMAND;
    }

    @Override
    public List<GpuInfo> parse(String output) {
        if (output.isBlank()) {
            return List.of();
        }
        JsonNode root;
        try {
            root = JSON.readTree(output);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("rocm-smi output is not JSON: " + e.getOriginalMessage(), e);
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("rocm-smi output is not a JSON object of cards");
        }
        List<GpuInfo> gpus = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : root.properties()) {
            Matcher card = CARD.matcher(member.getKey());
            if (card.matches()) {
                gpus.add(card(Long.parseLong(card.group(1)), member.getKey(), member.getValue()));
            }
        }
        return List.copyOf(gpus);
    }

    private static GpuInfo card(long index, String key, JsonNode card) {
        String name = first(card, "Card series", "Card model", "Card SKU");
        String bytes = first(card, "VRAM Total Memory (B)");
        if (name.isEmpty() || bytes.isEmpty()) {
            throw new IllegalArgumentException("rocm-smi " + key + " lacks a card series/model/SKU or VRAM total");
        }
        long memory;
        try {
            memory = Long.parseLong(bytes) / BYTES_PER_MIB;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rocm-smi " + key + " VRAM Total Memory (B) is not a number: " + bytes);
        }
        String[] bus = first(card, "PCI Bus").split("\\s+", 2);
        return new GpuInfo(index, name, VENDOR, memory, bus[0]);
    }

    /** The first of the keys (ignoring case) that the card has with a non-blank value, stripped; "" if none. */
    private static String first(JsonNode card, String... keys) {
        for (String key : keys) {
            for (Map.Entry<String, JsonNode> field : card.properties()) {
                if (field.getKey().equalsIgnoreCase(key) && !field.getValue().asText().isBlank()) {
                    return field.getValue().asText().strip();
                }
            }
        }
        return "";
    }
}
