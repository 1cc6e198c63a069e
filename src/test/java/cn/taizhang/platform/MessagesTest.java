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

    private static final Path BUNDLES = Path.of("src/main/resources/i18n");

    /** All keys of one language, over every module's bundle (i18n/NAME_LANG.properties). */
    private static Properties load(String language) throws IOException {
        var props = new Properties();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith("_" + language + ".properties")).toList()) {
                try (var in = new InputStreamReader(Files.newInputStream(f), StandardCharsets.UTF_8)) {
                    props.load(in);
                }
            }
        }
        return props;
    }

    @Test
    void everyBundleHasBothLanguages() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                String other = name.endsWith("_zh_CN.properties") ? name.replace("_zh_CN.", "_en.") : name.replace("_en.", "_zh_CN.");
                assertThat(BUNDLES.resolve(other)).as("counterpart of " + name).exists();
            }
        }
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> zh = new TreeSet<>(load("zh_CN").stringPropertyNames());
        Set<String> en = new TreeSet<>(load("en").stringPropertyNames());
        assertThat(diff(zh, en)).as("keys missing in English").isEmpty();
        assertThat(diff(en, zh)).as("keys missing in Chinese").isEmpty();
    }

    @Test
    void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
        Set<String> known = load("zh_CN").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        // #{key} and #{key(args)} in templates
        collect(Path.of("src/main/resources/templates"), Pattern.compile("#\\{([a-zA-Z][\\w.]*)[}(]"), used);
        // DomainException and friends: new DomainException("key" / atField("field", "key"
        collect(Path.of("src/main/java"), Pattern.compile(
                "(?:DomainException\\(|atField\\(\"[^\"]*\",\\s*|rejected\\(|Verdict\\(|messageKey = )\"([a-z][\\w]*\\.[\\w.]+)\""), used);
        // Bean Validation: message = "{key}"
        collect(Path.of("src/main/java"), Pattern.compile("message = \"\\{([\\w.]+)\\}\""), used);
        // Flash.say(redirect, messages, locale, "key"
        collect(Path.of("src/main/java"), Pattern.compile("Flash\\.say\\([^\"]*\"([\\w.]+)\""), used);
        // new ImportProblem(sheet, row, column, "key", ...)
        collect(Path.of("src/main/java"), Pattern.compile("ImportProblem\\([^;]*?\"([a-z]\\w*\\.[\\w.]+)\""), used);
        // the ledger import's problems: problem(LedgerColumn.X, "key" / new Problem(row, column, "key"
        collect(Path.of("src/main/java"), Pattern.compile("(?:problem\\(LedgerColumn\\.\\w+, |Problem\\([^;]*?)\"([a-z]\\w*\\.[\\w.]+)\""), used);
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
