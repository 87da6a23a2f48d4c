package dev.dbcheck;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The imports follow the pipeline (docs/architecture.md): the leaves at the bottom, each stage importing only
 * earlier stages and the leaves, one orchestrator on top. A new package is placed in one of these stages.
 */
class ArchitectureTest {

    /** The stages in pipeline order, each with its packages; a stage may import only the stages before it. */
    static final Map<String, List<String>> STAGES = new LinkedHashMap<>();

    static {
        STAGES.put("leaves", List.of("dev.dbcheck.base..", "dev.dbcheck.sql.."));
        STAGES.put("provision", List.of("dev.dbcheck.provision.."));
        STAGES.put("migrate", List.of("dev.dbcheck.migrate.."));
        STAGES.put("snapshot", List.of("dev.dbcheck.schema.."));
        STAGES.put("real rows", List.of("dev.dbcheck.sample.."));
        STAGES.put("rule api", List.of("dev.dbcheck.rule.."));
        STAGES.put("schema rules", List.of("dev.dbcheck.schemarules.."));
        STAGES.put("synthetic data", List.of("dev.dbcheck.synthetic.."));
        STAGES.put("dashboards", List.of("dev.dbcheck.dashboard.."));
        STAGES.put("plan rules", List.of("dev.dbcheck.planrules.."));
        STAGES.put("index advice", List.of("dev.dbcheck.advice.."));
        STAGES.put("change trace", List.of("dev.dbcheck.change.."));
        STAGES.put("change rules", List.of("dev.dbcheck.changerules.."));
        STAGES.put("place", List.of("dev.dbcheck.place.."));
        STAGES.put("report", List.of("dev.dbcheck.report.."));
        STAGES.put("orchestrator", List.of("dev.dbcheck.engine..", "dev.dbcheck.docs.."));
    }

    static JavaClasses engine;

    @BeforeAll
    static void importTheEngine() {
        engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.dbcheck");
    }

    @Test
    void noPackageCycle() {
        SlicesRuleDefinition.slices().matching("dev.dbcheck.(**)").should().beFreeOfCycles().check(engine);
    }

    @Test
    void eachStageImportsOnlyEarlierStages() {
        Architectures.LayeredArchitecture layers = Architectures.layeredArchitecture()
                .consideringOnlyDependenciesInLayers();
        List<String> names = List.copyOf(STAGES.keySet());
        for (String name : names) {
            layers = layers.layer(name).definedBy(STAGES.get(name).toArray(String[]::new));
        }
        for (int i = 0; i < names.size(); i++) {
            List<String> later = names.subList(i + 1, names.size());
            layers = later.isEmpty() ? layers.whereLayer(names.get(i)).mayNotBeAccessedByAnyLayer()
                    : layers.whereLayer(names.get(i)).mayOnlyBeAccessedByLayers(later.toArray(String[]::new));
        }
        layers.check(engine);
    }

    /** Providers are alternatives: none knows another; what they share lives in dev.dbcheck.provision. */
    @Test
    void providersDoNotKnowEachOther() {
        SlicesRuleDefinition.slices().matching("dev.dbcheck.provision.(*)..").should().notDependOnEachOther()
                .check(engine);
    }

    @Test
    void everyPackageBelongsToAStage() {
        List<String> packages = engine.stream().map(c -> c.getPackageName()).distinct().sorted().toList();
        assertThat(packages).allSatisfy(p -> assertThat(STAGES.values().stream().flatMap(List::stream)
                .anyMatch(stage -> p.equals(stage.replace("..", "")) || p.startsWith(stage.replace("..", ".")))
        ).as("package %s is in a stage of ArchitectureTest.STAGES", p).isTrue());
    }
}
