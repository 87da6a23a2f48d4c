package dev.dbcheck.place;

import dev.dbcheck.base.Wording;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbcheck.base.DbcheckException;
import dev.dbcheck.rule.Finding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Today's findings, accepted so that a project can adopt dbcheck on an existing schema and fail only on new
 * findings. Entries are keyed by rule id and object identity: no line numbers, so an unrelated change does not
 * invalidate them. The file is sorted, one entry per line, for readable diffs.
 *
 * @param entries the accepted findings, sorted
 */
public record Baseline(List<Entry> entries) {

    public static final String DEFAULT_FILE = "dbcheck-baseline.json";
    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One accepted finding.
     *
     * @param rule   the rule id
     * @param object the object's stable identity ({@code column:public.orders.payload})
     * @param file   the repository-relative migration file it came from, for readers; not part of the key
     */
    public record Entry(String rule, String object, String file) {

        String key() {
            return rule + " " + object;
        }
    }

    public Baseline {
        entries = List.copyOf(entries);
    }

    public static Baseline of(List<Finding> findings) {
        Set<String> seen = new HashSet<>();
        List<Entry> entries = new ArrayList<>();
        for (Finding f : findings) {
            Entry entry = new Entry(f.ruleId(), f.object().identity(), f.position() == null ? null : f.position().path());
            if (seen.add(entry.key())) {
                entries.add(entry);
            }
        }
        entries.sort(Comparator.comparing(Entry::rule).thenComparing(Entry::object));
        return new Baseline(entries);
    }

    public static Baseline read(Path file, String displayName) throws DbcheckException {
        try {
            JsonNode root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (root == null || !root.path("findings").isArray()) {
                throw new DbcheckException(displayName + ": not a dbcheck baseline (no \"findings\" array); "
                        + "regenerate it with " + Wording.current().command("baseline"));
            }
            List<Entry> entries = new ArrayList<>();
            for (JsonNode node : root.get("findings")) {
                String rule = node.path("rule").asText(null);
                String object = node.path("object").asText(null);
                if (rule == null || object == null) {
                    throw new DbcheckException(displayName + ": entry " + node + " lacks \"rule\" or \"object\"");
                }
                entries.add(new Entry(rule, object, node.path("file").asText(null)));
            }
            return new Baseline(entries);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Jackson's own message carries a source dump; the line and the sentence are what helps
            String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
            throw new DbcheckException(displayName + where + ": not a dbcheck baseline (" + e.getOriginalMessage()
                    + "); regenerate it with " + Wording.current().command("baseline"), e);
        } catch (IOException e) {
            throw new DbcheckException(displayName + ": cannot read the baseline: "
                    + dev.dbcheck.base.SourceFiles.describe(e), e);
        }
    }

    public void write(Path file) throws DbcheckException {
        StringBuilder out = new StringBuilder("{\n")
                .append("  \"dbcheckBaseline\": ").append(FORMAT).append(",\n")
                .append("  \"comment\": \"Findings accepted when this baseline was written: dbcheck:verify fails only "
                        + "on findings not listed here. Regenerate with " + Wording.current().command("baseline") + "; remove entries as they "
                        + "are fixed.\",\n")
                .append("  \"findings\": [");
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            ObjectNode node = JSON.createObjectNode().put("rule", e.rule()).put("object", e.object());
            if (e.file() != null) {
                node.put("file", e.file());
            }
            out.append(i == 0 ? "\n    " : ",\n    ").append(node.toString());
        }
        out.append(entries.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DbcheckException("Cannot write the baseline " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Splits findings into new ones and those the baseline accepts, and lists the entries that no longer occur.
     */
    public Applied apply(List<Finding> findings) {
        Set<String> accepted = new LinkedHashSet<>();
        entries.forEach(e -> accepted.add(e.key()));
        List<Finding> fresh = new ArrayList<>();
        List<Finding> baselined = new ArrayList<>();
        Set<String> occurring = new HashSet<>();
        for (Finding f : findings) {
            String key = f.ruleId() + " " + f.object().identity();
            if (accepted.contains(key)) {
                baselined.add(f);
                occurring.add(key);
            } else {
                fresh.add(f);
            }
        }
        List<Entry> stale = entries.stream().filter(e -> !occurring.contains(e.key())).toList();
        return new Applied(fresh, baselined, stale);
    }

    /**
     * @param findings  findings not in the baseline: these fail the build
     * @param baselined findings the baseline accepts
     * @param stale     baseline entries that no longer occur: the file can shrink
     */
    public record Applied(List<Finding> findings, List<Finding> baselined, List<Entry> stale) {
    }
}
