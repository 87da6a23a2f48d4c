package dev.dbcheck.provision;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a later build may remove: only what a build of this host and PID namespace left when it died. */
class BuildOwnerTest {

    @Test
    void onlyAGoneBuildOfThisHostAndPidNamespaceIsJudgedGone() {
        String self = BuildOwner.current();
        String[] parts = self.split("/");
        assertThat(parts).hasSize(4);
        String host = parts[0];
        String namespace = parts[1];

        assertThat(BuildOwner.isGone(self)).as("this build").isFalse();
        assertThat(BuildOwner.isGone(host + "/" + namespace + "/999999999/1")).as("a pid that runs nothing").isTrue();
        assertThat(BuildOwner.isGone(host + "/" + namespace + "/" + parts[2] + "/1"))
                .as("this pid, but started at another time: reused").isTrue();
        assertThat(BuildOwner.isGone(host + "/1" + namespace + "/999999999/1"))
                .as("another PID namespace (a container job sharing the host name) cannot be seen from here").isFalse();
        assertThat(BuildOwner.isGone("elsewhere/" + namespace + "/999999999/1")).as("another host").isFalse();
        assertThat(BuildOwner.isGone(host + "/999999999/1")).as("a mark without the namespace").isFalse();
        assertThat(BuildOwner.isGone("not a mark")).isFalse();
        assertThat(BuildOwner.isGone(null)).isFalse();
    }
}
