package dev.dbcheck.maven;

import dev.dbcheck.dashboard.DashboardConfig;
import dev.dbcheck.synthetic.ColumnSpec;
import dev.dbcheck.base.ConfigException;
import dev.dbcheck.base.RawNode;
import dev.dbcheck.base.RawXml;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code <dashboards>} element bound through the plugin and validated, and its command-line overrides. */
@MojoTest
class DashboardsConfigurationTest {

    private static final String POM = "src/test/resources/unit/dashboards/pom.xml";

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    void bindsVolumesColumnsQueriesAndRunSettings(VerifyMojo mojo) throws Exception {
        DashboardConfig d = mojo.buildConfig().dashboards();
        assertThat(d.mode()).isEqualTo(DashboardConfig.Mode.FULL);
        assertThat(d.data().volumes()).isEqualTo(Map.of("orders", 1_000_000L, "order_items", 3_000_000L,
                "app.audit_logs", 50_000L));
        assertThat(d.data().defaultRows()).isEqualTo(500);
        assertThat(d.data().loadFraction()).isEqualTo(0.25);
        assertThat(d.workMem()).isEqualTo("8MB");
        assertThat(d.parallelWorkers()).isZero();
        assertThat(d.runs()).isEqualTo(5);
        assertThat(d.queryTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(d.directory().endsWith(java.nio.file.Path.of("src/main/dashboards"))).as("the default folder").isTrue();

        assertThat(d.data().columns()).hasSize(3);
        ColumnSpec status = d.data().columns().get(0);
        assertThat(status.table()).isEqualTo("orders");
        assertThat(status.values()).extracting(ColumnSpec.Weighted::value).containsExactly("paid", "shipped",
                "cancelled");
        assertThat(status.values()).extracting(ColumnSpec.Weighted::weight).containsExactly(70.0, 25.0, 5.0);
        ColumnSpec coupon = d.data().columns().get(1);
        assertThat(coupon.nullFraction()).isEqualTo(0.9);
        assertThat(coupon.distinct()).isEqualTo(40);
        assertThat(coupon.skew()).isEqualTo(ColumnSpec.Skew.ZIPF);
        assertThat(d.data().columns().get(2).json()).contains("organic cotton:20");

        assertThat(d.queries()).singleElement().satisfies(q -> {
            assertThat(q.name()).isEqualTo("yearly_export");
            assertThat(q.file()).as("the pom, relative to the repository root")
                    .isEqualTo("plugin/src/test/resources/unit/dashboards/pom.xml");
            assertThat(q.budget()).isEqualTo(Duration.ofSeconds(30));
            assertThat(q.allowedSeqScans()).containsEntry("orders", "the export reads every order");
            assertThat(q.expectedIndexes()).containsExactly("orders_pkey");
        });
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    void theModeCanBeOverriddenOnTheCommandLine(VerifyMojo mojo) throws Exception {
        mojo.commandLine = Map.of("dbcheck.dashboards.mode", "fast");
        assertThat(mojo.buildConfig().dashboards().mode()).isEqualTo(DashboardConfig.Mode.FAST);
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    void anUnknownModeNamesTheKey(VerifyMojo mojo) {
        mojo.commandLine = Map.of("dbcheck.dashboards.mode", "quick");
        assertThatThrownBy(mojo::buildConfig).isInstanceOf(ConfigException.class)
                .hasMessage("dashboards.mode: 'quick' is not one of full, fast");
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    @MojoParameter(name = "skipDashboards", value = "true")
    void skippingLeavesTheDashboardsOut(VerifyMojo mojo) throws Exception {
        assertThat(mojo.buildConfig().dashboards()).isNull();
    }

    @Test
    @InjectMojo(goal = "verify", pom = POM)
    void badValuesNameTheirKey(VerifyMojo mojo) {
        RawNode pom = mojo.givenConfiguration();
        mojo.configuration = pom.with("dashboards.volumes.orders", "lots");
        assertThatThrownBy(mojo::buildConfig).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("dashboards.volumes.orders: 'lots'");
        mojo.configuration = pom.with("dashboards.workMem", "plenty");
        assertThatThrownBy(mojo::buildConfig).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("dashboards.workMem: 'plenty'");
        mojo.configuration = pom.with("dashboards.columns", RawXml.parse("<columns><column><name>orders.coupon"
                + "</name><nullFraction>1.5</nullFraction></column></columns>"));
        assertThatThrownBy(mojo::buildConfig).isInstanceOf(ConfigException.class)
                .hasMessage("dashboards.columns[orders.coupon].nullFraction: '1.5' is not between 0 and 1");
        mojo.configuration = pom.with("dashboards.queries", RawXml.parse("<queries><query><name>yearly_export"
                + "</name><sql>SELECT 1</sql><allowSeqScans><orders> </orders></allowSeqScans></query></queries>"));
        assertThatThrownBy(mojo::buildConfig).isInstanceOf(ConfigException.class)
                .hasMessage("dashboards.queries[yearly_export].allowSeqScans.orders: a reason is required");
    }
}
