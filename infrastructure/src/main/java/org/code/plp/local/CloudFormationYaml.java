package org.code.plp.local;

import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation / SAM template. The short-form intrinsic tags ({@code !Ref X},
 * {@code !GetAtt T.Arn}, {@code !Sub ...}) become the long form ({@code {"Ref": "X"}},
 * {@code {"Fn::GetAtt": ["T", "Arn"]}}, {@code {"Fn::Sub": ...}}), exactly as CloudFormation
 * reads them. (jackson-dataformat-yaml silently drops such tags, hence SnakeYAML.)
 */
public final class CloudFormationYaml {
    static final List<String> FUNCTIONS = List.of("Ref", "Condition", "GetAtt", "Sub", "Join", "Select", "If", "Equals",
            "Not", "And", "Or", "FindInMap", "Base64", "Split", "GetAZs", "ImportValue", "Cidr", "Length", "ToJsonString");

    private CloudFormationYaml() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object document = new Yaml(new IntrinsicConstructor(options)).load(reader);
        if (!(document instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("A template must be a YAML mapping");
        }
        return (Map<String, Object>) document;
    }

    private static final class IntrinsicConstructor extends SafeConstructor {
        IntrinsicConstructor(LoaderOptions options) {
            super(options);
            for (String function : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + function), new Intrinsic(function));
            }
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String function;

            Intrinsic(String function) {
                this.function = function;
            }

            @Override
            public Object construct(Node node) {
                Object value = switch (node) {
                    case ScalarNode scalar -> constructScalar(scalar);
                    case SequenceNode sequence -> constructSequence(sequence);
                    case MappingNode mapping -> constructMapping(mapping);
                    default -> throw new IllegalArgumentException("Unexpected node " + node);
                };
                Map<String, Object> longForm = new LinkedHashMap<>();
                switch (function) {
                    case "Ref", "Condition" -> longForm.put(function, value);
                    case "GetAtt" -> {
                        // !GetAtt Resource.Attribute.Maybe.Dotted -> ["Resource", "Attribute.Maybe.Dotted"]
                        if (value instanceof String text && text.contains(".")) {
                            int dot = text.indexOf('.');
                            value = List.of(text.substring(0, dot), text.substring(dot + 1));
                        }
                        longForm.put("Fn::GetAtt", value);
                    }
                    default -> longForm.put("Fn::" + function, value);
                }
                return longForm;
            }
        }
    }
}
