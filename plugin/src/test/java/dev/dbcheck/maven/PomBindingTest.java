package dev.dbcheck.maven;

import dev.dbcheck.base.Setting;
import dev.dbcheck.engine.Settings;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mojo's parameters are binding slots for the settings declared in {@link Settings}, and nothing else: Maven
 * accepts exactly the elements dbcheck reads, and each setting's type, default and property live in one place.
 */
class PomBindingTest {

    @Test
    void everyTopLevelSettingHasASlotAndEverySlotASetting() {
        Set<String> slots = new TreeSet<>();
        // @Parameter is not kept at run time: the slots are the PlexusConfiguration fields
        for (Field f : AbstractDbcheckMojo.class.getDeclaredFields()) {
            if (f.getType() == PlexusConfiguration.class) {
                slots.add(f.getName());
            }
        }
        assertThat(slots).isEqualTo(new TreeSet<>(Settings.ALL.stream().map(Setting::name).toList()));
        for (Class<?> mojo : List.of(VerifyMojo.class, BaselineMojo.class)) {
            assertThat(Arrays.stream(mojo.getDeclaredFields()).filter(f -> !Modifier.isStatic(f.getModifiers())))
                    .as("%s declares settings of its own", mojo.getSimpleName()).isEmpty();
        }
    }

    /** The generated descriptor names no default and no property: those come from Settings at run time. */
    @Test
    void theDescriptorLeavesDefaultsAndPropertiesToTheSettings() throws Exception {
        String descriptor = Files.readString(Path.of("target/classes/META-INF/maven/plugin.xml"),
                StandardCharsets.UTF_8);
        for (Setting<?> s : Settings.ALL) {
            assertThat(descriptor).as("parameter %s", s.name()).contains("<name>" + s.name() + "</name>");
        }
        Matcher property = Pattern.compile("\\$\\{dbcheck\\.[^}]*}").matcher(descriptor);
        assertThat(property.find()).as("a ${dbcheck.*} expression in plugin.xml").isFalse();
    }
}
