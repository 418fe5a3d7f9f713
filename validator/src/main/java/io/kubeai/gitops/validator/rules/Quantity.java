package io.kubeai.gitops.validator.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A resource quantity as Kubernetes parses it ({@code k8s.io/apimachinery/pkg/api/resource}): a signed
 * decimal number and a suffix, binary ({@code Ki} to {@code Ei}), decimal ({@code m}, none, {@code k}
 * to {@code E}) or an exponent ({@code e3}, {@code E-2}). YAML numbers ({@code cpu: 4}) count too.
 */
final class Quantity {
    /** The exponent is tried before the bare E (exa), so 1E3 is a thousand and 1E an exa. */
    private static final Pattern FORM = Pattern.compile(
            "([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))([eE][+-]?[0-9]+|Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E)?");

    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
            Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
            Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
            Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
            Map.entry("Pi", BigDecimal.valueOf(1L << 50)),
            Map.entry("Ei", BigDecimal.valueOf(1L << 60)),
            Map.entry("m", new BigDecimal("0.001")),
            Map.entry("k", BigDecimal.TEN.pow(3)),
            Map.entry("M", BigDecimal.TEN.pow(6)),
            Map.entry("G", BigDecimal.TEN.pow(9)),
            Map.entry("T", BigDecimal.TEN.pow(12)),
            Map.entry("P", BigDecimal.TEN.pow(15)),
            Map.entry("E", BigDecimal.TEN.pow(18)));
    /** Far beyond any real resource, and it keeps a hostile exponent from building a huge number. */
    private static final int MAX_EXPONENT = 64;

    private Quantity() {}

    /** The value, or empty when the node is not a quantity. */
    static Optional<BigDecimal> parse(JsonNode node) {
        if (node.isNumber()) {
            return Optional.of(node.decimalValue());
        }
        return node.isTextual() ? parse(node.asText()) : Optional.empty();
    }

    static Optional<BigDecimal> parse(String text) {
        Matcher matcher = FORM.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        BigDecimal number = new BigDecimal(matcher.group(1).endsWith(".") ? matcher.group(1) + "0" : matcher.group(1));
        String suffix = matcher.group(2);
        if (suffix == null) {
            return Optional.of(number);
        }
        if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E') && !suffix.endsWith("i")) {
            int exponent;
            try {
                exponent = Integer.parseInt(suffix.substring(1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            return Math.abs(exponent) > MAX_EXPONENT
                    ? Optional.empty()
                    : Optional.of(number.scaleByPowerOfTen(exponent));
        }
        return Optional.of(number.multiply(SUFFIXES.get(suffix)));
    }
}
