package org.code.plp.bench;

import java.util.Map;
import org.code.plp.local.TemplateModel;

/** What template.yaml's Globals tell the benchmark about how Lambda runs every function. */
record LambdaRuntime(String runtime, int memoryMb, boolean snapStart) {
    static LambdaRuntime of(TemplateModel template) {
        Map<?, ?> function = map(map(template.raw().get("Globals")).get("Function"));
        Object memory = function.get("MemorySize");
        return new LambdaRuntime(String.valueOf(function.get("Runtime")),
                memory == null ? 128 : Integer.parseInt(String.valueOf(memory)),
                !map(function.get("SnapStart")).isEmpty());
    }

    /** AWS_EXECUTION_ENV as Lambda sets it, e.g. AWS_Lambda_java25. */
    String executionEnv() {
        return "AWS_Lambda_" + runtime;
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> m ? m : Map.of();
    }
}
