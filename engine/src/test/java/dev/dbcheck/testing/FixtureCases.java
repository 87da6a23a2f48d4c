package dev.dbcheck.testing;

import org.junit.jupiter.api.DynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fixture folders laid out as {@code <root>/<rule-id>/<case>/}, one dynamic test each named
 * {@code rule-id/case} (the plan rules' and the migration safety rules' fixtures).
 */
public final class FixtureCases {

    private FixtureCases() {
    }

    /** Runs one case. */
    public interface Case {
        void run(String ruleId, Path dir) throws Exception;
    }

    public static Stream<DynamicTest> of(Path root, Case test) throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> rules = Files.list(root)) {
            for (Path ruleDir : rules.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> cases = Files.list(ruleDir)) {
                    for (Path dir : cases.filter(Files::isDirectory).sorted().toList()) {
                        String ruleId = ruleDir.getFileName().toString();
                        tests.add(DynamicTest.dynamicTest(ruleId + "/" + dir.getFileName(), dir.toUri(),
                                () -> test.run(ruleId, dir)));
                    }
                }
            }
        }
        return tests.stream();
    }
}
