package dev.dbcheck.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code <migrations>} element:
 * <pre>{@code
 * <migrations>
 *   <tool>flyway</tool>
 *   <locations><location>filesystem:src/main/resources/db/migration</location></locations>
 *   <schemas><schema>app</schema></schemas>
 *   <placeholders><owner>app_owner</owner></placeholders>
 * </migrations>
 * }</pre>
 */
public class MigrationsConfiguration {

    /** flyway (default) or plain: every .sql file of the folders in name order. */
    String tool;
    /** Where the scripts are; default filesystem:src/main/resources/db/migration. */
    List<String> locations = new ArrayList<>();
    /** Schemas Flyway manages; the first is the default schema and holds the history table. */
    List<String> schemas = new ArrayList<>();
    /** Values for ${name} placeholders. */
    Map<String, String> placeholders = new LinkedHashMap<>();
    /** Flyway's history table; default flyway_schema_history. */
    String table;

    public MigrationsConfiguration() {
    }
}
