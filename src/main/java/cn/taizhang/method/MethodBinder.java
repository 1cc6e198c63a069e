package cn.taizhang.method;

import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Binds a YAML document onto the records of {@link MethodDefinition}, by hand, keeping the path
 * and line of every value. Keys are the record component names; an unknown key, a value of the
 * wrong type and a missing required key are problems (never silently ignored). The binder goes on
 * after a problem, so that the clerk sees all of them at once.
 */
final class MethodBinder {

    /** The result: the definition (null when a problem prevented building it), the problems, and the line of each path. */
    record Bound(MethodDefinition definition, List<MethodProblem> problems, Map<String, Integer> lines) {
    }

    private static final int MAX_DOCUMENT_CHARS = 500_000;

    private final List<MethodProblem> problems = new ArrayList<>();
    private final Map<String, Integer> lines = new HashMap<>();

    private MethodBinder() {
    }

    static Bound bind(String yaml) {
        var binder = new MethodBinder();
        if (yaml == null || yaml.isBlank()) {
            binder.problem("", 0, "method.problem.emptyDocument");
            return new Bound(null, binder.problems, binder.lines);
        }
        if (yaml.length() > MAX_DOCUMENT_CHARS) {
            binder.problem("", 0, "method.problem.tooLong", String.valueOf(MAX_DOCUMENT_CHARS));
            return new Bound(null, binder.problems, binder.lines);
        }
        Node root;
        try {
            var options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(20);
            options.setAllowRecursiveKeys(false);
            root = new Yaml(options).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            binder.problem("", line, "method.problem.syntax", String.valueOf(e.getProblem()));
            return new Bound(null, binder.problems, binder.lines);
        } catch (YAMLException e) {
            binder.problem("", 0, "method.problem.syntax", String.valueOf(e.getMessage()));
            return new Bound(null, binder.problems, binder.lines);
        }
        if (root == null) {
            binder.problem("", 0, "method.problem.emptyDocument");
            return new Bound(null, binder.problems, binder.lines);
        }
        Object value = binder.value(root, MethodDefinition.class, "");
        MethodDefinition definition = binder.problems.isEmpty() ? (MethodDefinition) value : null;
        return new Bound(definition, binder.problems, binder.lines);
    }

    private void problem(String path, int line, String key, String... args) {
        problems.add(new MethodProblem(path, line, key, Arrays.asList(args)));
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    // ------------------------------------------------------------------ dispatch by target type

    private Object value(Node node, Type type, String path) {
        lines.putIfAbsent(path, line(node));
        Class<?> raw = rawClass(type);
        if (List.class.equals(raw)) {
            return list(node, ((ParameterizedType) type).getActualTypeArguments()[0], path);
        }
        if (raw.isRecord()) {
            return record(node, raw, path);
        }
        if (!(node instanceof ScalarNode scalar)) {
            problem(path, line(node), expectedKey(raw));
            return null;
        }
        return scalar(scalar, raw, path);
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return (Class<?>) ((ParameterizedType) type).getRawType();
    }

    private static String expectedKey(Class<?> raw) {
        if (raw == String.class) {
            return "method.problem.expectedText";
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            return "method.problem.expectedWholeNumber";
        }
        if (raw == BigDecimal.class) {
            return "method.problem.expectedNumber";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return "method.problem.expectedSwitch";
        }
        return "method.problem.expectedValue";
    }

    private List<Object> list(Node node, Type element, String path) {
        if (node instanceof ScalarNode && !isNull(node) && !rawClass(element).isRecord()) {
            // a single value where a list is expected: `subjects: PERSON` means [PERSON]
            Object one = value(node, element, path + "[0]");
            return one == null ? List.of() : List.of(one);
        }
        if (!(node instanceof SequenceNode seq)) {
            problem(path, line(node), "method.problem.expectedList");
            return List.of();
        }
        List<Object> out = new ArrayList<>();
        List<Node> items = seq.getValue();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String itemPath = path + "[" + i + "]";
            if (isNull(item)) {
                problem(itemPath, line(item), "method.problem.emptyItem");
                continue;
            }
            Object v = value(item, element, itemPath);
            if (v != null) {
                out.add(v);
            }
        }
        return List.copyOf(out);
    }

    private Object record(Node node, Class<?> type, String path) {
        RecordComponent[] components = type.getRecordComponents();
        Map<String, RecordComponent> byName = new LinkedHashMap<>();
        for (RecordComponent c : components) {
            byName.put(c.getName(), c);
        }
        Map<String, Node> given = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new HashMap<>();
        if (node instanceof ScalarNode scalar && !isNull(scalar)) {
            // shorthand: a plain value stands for the first key, e.g. `cycles: [MONTH]`
            given.put(components[0].getName(), scalar);
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                    problem(path, line(tuple.getKeyNode()), "method.problem.badKey");
                    continue;
                }
                String key = keyNode.getValue();
                String keyPath = join(path, key);
                if (!byName.containsKey(key)) {
                    problem(keyPath, line(keyNode), "method.problem.unknownKey", key, suggestion(key, byName.keySet()));
                    continue;
                }
                if (given.containsKey(key)) {
                    problem(keyPath, line(keyNode), "method.problem.duplicateKey", key);
                    continue;
                }
                given.put(key, tuple.getValueNode());
                keyLines.put(key, line(keyNode));
            }
        } else if (!isNull(node)) {
            problem(path, line(node), "method.problem.expectedMapping");
            return null;
        }
        int before = problems.size();
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            String keyPath = join(path, c.getName());
            Node valueNode = given.get(c.getName());
            if (valueNode == null || isNull(valueNode)) {
                if (c.isAnnotationPresent(Required.class)) {
                    problem(keyPath, keyLines.getOrDefault(c.getName(), line(node)), "method.problem.required",
                            c.getName());
                }
                args[i] = absent(c.getType());
                continue;
            }
            lines.put(keyPath, keyLines.getOrDefault(c.getName(), line(valueNode)));
            Object v = value(valueNode, c.getGenericType(), keyPath);
            args[i] = v == null ? absent(c.getType()) : v;
        }
        if (problems.size() > before) {
            return null;
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + type.getSimpleName(), e);
        }
    }

    private static Object absent(Class<?> type) {
        if (type == List.class) {
            return List.of();
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }

    private Object scalar(ScalarNode node, Class<?> type, String path) {
        String text = node.getValue().trim();
        Tag tag = node.getTag();
        if (type == String.class) {
            return node.getValue();
        }
        if (type == Boolean.class || type == boolean.class) {
            if (Tag.BOOL.equals(tag)) {
                return Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT))
                        || text.equalsIgnoreCase("yes") || text.equalsIgnoreCase("on");
            }
            problem(path, line(node), "method.problem.expectedSwitch");
            return null;
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            if (!Tag.INT.equals(tag)) {
                problem(path, line(node), "method.problem.expectedWholeNumber");
                return null;
            }
            try {
                long v = Long.parseLong(text.replace("_", ""));
                if (type == Integer.class || type == int.class) {
                    if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
                        problem(path, line(node), "method.problem.tooLarge");
                        return null;
                    }
                    return (int) v;
                }
                return v;
            } catch (NumberFormatException e) {
                problem(path, line(node), "method.problem.expectedWholeNumber");
                return null;
            }
        }
        if (type == BigDecimal.class) {
            if (!Tag.INT.equals(tag) && !Tag.FLOAT.equals(tag)) {
                problem(path, line(node), "method.problem.expectedNumber");
                return null;
            }
            try {
                return new BigDecimal(text.replace("_", ""));
            } catch (NumberFormatException e) {
                problem(path, line(node), "method.problem.expectedNumber");
                return null;
            }
        }
        if (type.isEnum()) {
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(text)) {
                    return constant;
                }
            }
            String allowed = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
            problem(path, line(node), "method.problem.badChoice", text, allowed);
            return null;
        }
        throw new IllegalStateException("No binding for " + type);
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The known keys, nearest to the typo first, so that the clerk sees what was probably meant. */
    private static String suggestion(String key, Set<String> known) {
        Set<String> ordered = new LinkedHashSet<>();
        known.stream().sorted((a, b) -> Integer.compare(distance(key, a), distance(key, b))).forEach(ordered::add);
        return String.join(", ", ordered);
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
