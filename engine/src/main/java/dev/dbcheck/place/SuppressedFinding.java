package dev.dbcheck.place;

import dev.dbcheck.rule.Finding;

/** A finding silenced by a suppression, kept for reports (JUnit XML shows it as skipped). */
public record SuppressedFinding(Finding finding, Suppression suppression) {
}
