package cn.taizhang.method;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The presets (classpath {@code methods/CODE.yaml}) and the reader every definition goes through.
 * The engine knows no preset by name: the list below only says which files to offer.
 */
@Service
public class MethodCatalog {

    /** The five presets, in the order of REQUIREMENTS.md. */
    public static final List<String> PRESET_CODES = List.of("wusi", "wubu", "huaqiao", "qingdan", "haiyong");

    private final Map<String, Preset> presets = new LinkedHashMap<>();

    public MethodCatalog() {
        for (String code : PRESET_CODES) {
            String yaml = presetYaml(code);
            MethodCheck check = MethodParser.parse(yaml);
            if (!check.valid()) {
                throw new IllegalStateException("Preset " + code + " is invalid: " + check.problems());
            }
            presets.put(code, new Preset(code, yaml, check.definition(), check.flags()));
        }
    }

    static String presetYaml(String code) {
        try (InputStream in = MethodCatalog.class.getResourceAsStream("/methods/" + code + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("Missing preset methods/" + code + ".yaml");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Preset> presets() {
        return List.copyOf(presets.values());
    }

    public Optional<Preset> preset(String code) {
        return Optional.ofNullable(presets.get(code));
    }

    /** Reads, validates and checks a definition; never throws for a bad document. */
    public MethodCheck check(String yaml) {
        return MethodParser.parse(yaml);
    }
}
