package org.code.plp.review;

import java.util.LinkedHashMap;
import java.util.Map;
import org.code.plp.platform.Env;

/**
 * How much each review criterion counts in the overall score, from {@code CRITERIA_WEIGHTS}
 * ("fundingPlan=2,pdExperience=1.5"); a criterion not named weighs 1, so by default all are equal.
 * A weight for an unknown criterion or one that is not a positive number stops the function at init.
 */
public record CriteriaWeights(Map<String, Double> weights) {
    public static final String VARIABLE = "CRITERIA_WEIGHTS";

    public static CriteriaWeights equal() {
        return parse("");
    }

    public static CriteriaWeights from(Env env) {
        return parse(env.get(VARIABLE, ""));
    }

    public static CriteriaWeights parse(String setting) {
        Map<String, Double> weights = new LinkedHashMap<>();
        ReviewCriteria.ALL.forEach(criterion -> weights.put(criterion, 1.0));
        for (String pair : setting.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.split("=", 2);
            String criterion = parts[0].strip();
            if (!weights.containsKey(criterion) || parts.length != 2) {
                throw new IllegalStateException(VARIABLE + ": '" + pair.strip() + "' is not criterion=weight with a known criterion");
            }
            double weight;
            try {
                weight = Double.parseDouble(parts[1].strip());
            } catch (NumberFormatException e) {
                weight = -1;
            }
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalStateException(VARIABLE + ": the weight of " + criterion + " must be a positive number");
            }
            weights.put(criterion, weight);
        }
        return new CriteriaWeights(Map.copyOf(weights));
    }

    public double of(String criterion) {
        return weights.getOrDefault(criterion, 1.0);
    }

    /** Criterion to weight, in the console's order. */
    public Map<String, Double> ordered() {
        Map<String, Double> ordered = new LinkedHashMap<>();
        ReviewCriteria.ALL.forEach(criterion -> ordered.put(criterion, of(criterion)));
        return ordered;
    }
}
