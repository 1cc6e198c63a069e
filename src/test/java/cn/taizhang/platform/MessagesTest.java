package cn.taizhang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message exists in Chinese and in English, and every key a template or class uses exists. */
class MessagesTest {

    private static Properties load(String name) throws IOException {
        var props = new Properties();
        try (var in = MessagesTest.class.getResourceAsStream("/i18n/" + name)) {
            props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return props;
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> zh = new TreeSet<>(load("messages_zh_CN.properties").stringPropertyNames());
        Set<String> en = new TreeSet<>(load("messages_en.properties").stringPropertyNames());
        assertThat(diff(zh, en)).as("keys missing in messages_en.properties").isEmpty();
        assertThat(diff(en, zh)).as("keys missing in messages_zh_CN.properties").isEmpty();
    }

    @Test
    void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
        Set<String> known = load("messages_zh_CN.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        // #{key} and #{key(args)} in templates
        collect(Path.of("src/main/resources/templates"), Pattern.compile("#\\{([a-zA-Z][\\w.]*)[}(]"), used);
        // DomainException and friends: new DomainException("key" / atField("field", "key"
        collect(Path.of("src/main/java"), Pattern.compile(
                "(?:DomainException\\(|atField\\(\"[^\"]*\",\\s*|rejected\\(|Verdict\\(|messageKey = )\"([a-z][\\w]*\\.[\\w.]+)\""), used);
        used.removeIf(known::contains);
        assertThat(used).as("message keys used but not defined").isEmpty();
    }

    private static Set<String> diff(Set<String> a, Set<String> b) {
        var d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    private static void collect(Path root, Pattern pattern, Set<String> into) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Matcher m = pattern.matcher(Files.readString(f));
                while (m.find()) {
                    into.add(m.group(1));
                }
            }
        }
    }
}
