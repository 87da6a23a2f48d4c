package dev.dbcheck.maven;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine names keys; the plugin says them the way a pom and a Maven command line write them. */
class MavenWordingTest {

    @Test
    void keysBecomePomElementsPropertiesAndGoals() {
        MavenWording w = MavenWording.INSTANCE;
        assertThat(w.setting("dashboards.volumes")).isEqualTo("<dashboards><volumes>");
        assertThat(w.example("server.url", "jdbc:postgresql://db:5432/postgres"))
                .isEqualTo("<server><url>jdbc:postgresql://db:5432/postgres</url></server>");
        assertThat(w.example("migrations.placeholders.app_role", "..."))
                .isEqualTo("<migrations><placeholders><app_role>...</app_role></placeholders></migrations>");
        assertThat(w.property("dbcheck.docker.image")).isEqualTo("-Ddbcheck.docker.image");
        assertThat(w.command("baseline")).isEqualTo("mvn dbcheck:baseline");
    }
}
