package io.kubeai.gitops.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resource quantities: multiplied by a profile's count and written in the canonical form the API server
 * would store ({@code 2000m} becomes {@code 2}, {@code 1024Mi} becomes {@code 1Gi}), so that a GitOps
 * engine never sees a difference between what we render and what the cluster returns.
 */
public final class Quantities {
    private static final List<String> BINARY = List.of("", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei");
    private static final List<String> DECIMAL = List.of("", "k", "M", "G", "T", "P", "E");
    private static final BigDecimal KIBI = BigDecimal.valueOf(1024);
    private static final BigDecimal KILO = BigDecimal.valueOf(1000);

    private Quantities() {}

    /** Every quantity of {@code perUnit} times {@code count}, sorted by resource name. */
    public static Map<String, String> multiply(Map<String, String> perUnit, int count) {
        Map<String, String> result = new TreeMap<>();
        perUnit.forEach((k, v) -> result.put(k, multiply(v, count)));
        return result;
    }

    public static String multiply(String quantity, int count) {
        Parsed p = parse(quantity);
        return format(p.value().multiply(BigDecimal.valueOf(count)), p.binary());
    }

    /** True when {@code quantity} reads as a Kubernetes quantity. */
    public static boolean isValid(String quantity) {
        try {
            parse(quantity);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private record Parsed(BigDecimal value, boolean binary) {}

    private static Parsed parse(String quantity) {
        String q = quantity.strip();
        int i = 0;
        while (i < q.length()
                && (Character.isDigit(q.charAt(i))
                        || q.charAt(i) == '.'
                        || q.charAt(i) == '+'
                        || (i == 0 && q.charAt(i) == '-'))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("not a quantity: " + quantity);
        }
        BigDecimal number = new BigDecimal(q.substring(0, i));
        String suffix = q.substring(i);
        if (suffix.equals("m")) {
            return new Parsed(number.divide(KILO), false);
        }
        int b = BINARY.indexOf(suffix);
        if (b > 0) {
            return new Parsed(number.multiply(KIBI.pow(b)), true);
        }
        int d = DECIMAL.indexOf(suffix);
        if (d >= 0) {
            return new Parsed(number.multiply(KILO.pow(d)), false);
        }
        throw new IllegalArgumentException("not a quantity: " + quantity);
    }

    private static String format(BigDecimal value, boolean binary) {
        if (value.signum() == 0) {
            return "0";
        }
        if (value.stripTrailingZeros().scale() > 0) {
            BigDecimal milli = value.multiply(KILO);
            // Sub-milli precision is rounded up, as the API server does.
            return milli.setScale(0, RoundingMode.CEILING).toPlainString() + "m";
        }
        List<String> suffixes = binary ? BINARY : DECIMAL;
        BigDecimal base = binary ? KIBI : KILO;
        int exp = 0;
        BigDecimal v = value;
        while (exp < suffixes.size() - 1 && v.remainder(base).signum() == 0) {
            v = v.divide(base);
            exp++;
        }
        return v.stripTrailingZeros().toPlainString() + suffixes.get(exp);
    }
}
