package io.kubeai.gitops.spec;

import io.kubeai.gitops.wording.ConfigHints;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads kubeai.yaml's {@code routing} and {@code autoscaling} sections into {@link ServingSettings}. */
final class ServingSettingsReader {

    private ServingSettingsReader() {}

    static ServingSettings read(Fields root) {
        ServingSettings defaults = ServingSettings.defaults();
        return new ServingSettings(
                routing(root.object("routing"), defaults.routing()),
                autoscaling(root.object("autoscaling"), defaults.autoscaling()));
    }

    private static ServingSettings.Routing routing(Fields routing, ServingSettings.Routing defaults) {
        Fields gateway = routing.object("gateway");
        // Naming a Gateway is configuring routing through it; mode: services keeps the Services alone.
        ServingSettings.RoutingMode mode = choice(
                routing,
                "mode",
                ServingSettings.RoutingMode.class,
                gateway.isPresent() ? ServingSettings.RoutingMode.GATEWAY : defaults.mode(),
                "services or gateway");
        Optional<ServingSettings.GatewayRef> ref = Optional.empty();
        if (gateway.isPresent()) {
            ref = Optional.of(new ServingSettings.GatewayRef(
                    gateway.string("name").orElse(""), gateway.string("namespace"), gateway.string("sectionName")));
            CheckedFields.kubernetesName(gateway, "name", KubernetesName.DNS_SUBDOMAIN, "the Gateway's name");
            CheckedFields.kubernetesName(gateway, "namespace", KubernetesName.DNS_LABEL, "the Gateway's namespace");
            CheckedFields.kubernetesName(
                    gateway, "sectionName", KubernetesName.DNS_SUBDOMAIN, "a listener of the Gateway");
            gateway.finish();
        }
        if (mode == ServingSettings.RoutingMode.GATEWAY
                && ref.map(r -> r.name().isEmpty()).orElse(true)) {
            routing.error(
                    gateway.isPresent() ? gateway.pointer() : routing.pointer(), ConfigHints.gatewayWithoutName());
        }
        Fields picker = routing.object("endpointPicker");
        ServingSettings.EndpointPicker pickerDefaults = defaults.endpointPicker();
        String failureMode = picker.string("failureMode").orElse(pickerDefaults.failureMode());
        if (!failureMode.equals("FailOpen") && !failureMode.equals("FailClose")) {
            picker.errorAt("failureMode", ConfigHints.unknownFailureMode(failureMode));
        }
        ServingSettings.EndpointPicker endpointPicker = new ServingSettings.EndpointPicker(
                picker.string("image").orElse(pickerDefaults.image()),
                failureMode,
                picker.bool("flowControl").orElse(pickerDefaults.flowControl()),
                orDefault(picker.stringMap("requests"), pickerDefaults.requests()),
                orDefault(picker.stringMap("limits"), pickerDefaults.limits()));
        picker.finish();
        ServingSettings.Routing result = new ServingSettings.Routing(
                mode,
                ref,
                routing.string("modelHeader").orElse(defaults.modelHeader()),
                routing.string("requestTimeout").orElse(defaults.requestTimeout()),
                endpointPicker);
        if (!result.requestTimeout().matches("([0-9]{1,5}(h|m|s|ms)){1,4}")) {
            routing.errorAt("requestTimeout", ConfigHints.requestTimeout(result.requestTimeout()));
        }
        if (!result.modelHeader().matches("[A-Za-z0-9!#$%&'*+\\-.^_`|~]{1,256}")) {
            routing.errorAt("modelHeader", ConfigHints.modelHeader(result.modelHeader()));
        }
        routing.finish();
        return result;
    }

    private static ServingSettings.Autoscaling autoscaling(Fields autoscaling, ServingSettings.Autoscaling defaults) {
        // Naming a Prometheus is configuring request-based autoscaling: the CPU HPA stops being the default.
        ServingSettings.AutoscalingMode mode = choice(
                autoscaling,
                "mode",
                ServingSettings.AutoscalingMode.class,
                autoscaling.has("prometheus") ? ServingSettings.AutoscalingMode.KEDA : defaults.mode(),
                "keda, hpa-cpu or fixed");
        ServingSettings.NoRequestMetrics others = choice(
                autoscaling,
                "withoutRequestMetrics",
                ServingSettings.NoRequestMetrics.class,
                defaults.withoutRequestMetrics(),
                "fixed or hpa-cpu");
        Fields prometheus = autoscaling.object("prometheus");
        Optional<ServingSettings.Prometheus> source = Optional.empty();
        if (prometheus.isPresent()) {
            String address = prometheus.string("serverAddress").orElse("");
            if (!address.matches("https?://[^\\s]+")) {
                prometheus.error(
                        prometheus.has("serverAddress") ? prometheus.child("serverAddress") : prometheus.pointer(),
                        ConfigHints.prometheusAddress());
            }
            source = Optional.of(new ServingSettings.Prometheus(address, auth(prometheus.object("auth"))));
            prometheus.finish();
        }
        if (mode == ServingSettings.AutoscalingMode.KEDA && source.isEmpty()) {
            autoscaling.error(autoscaling.pointer(), ConfigHints.kedaWithoutPrometheus());
        }
        int polling = autoscaling.integer("pollingInterval").orElse(defaults.pollingInterval());
        if (polling < 1) {
            autoscaling.errorAt("pollingInterval", ConfigHints.pollingInterval());
        }
        autoscaling.finish();
        return new ServingSettings.Autoscaling(mode, others, source, polling);
    }

    private static Optional<ServingSettings.PrometheusAuth> auth(Fields auth) {
        if (!auth.isPresent()) {
            return Optional.empty();
        }
        String mode = auth.string("mode").orElse("bearer");
        if (!mode.equals("bearer") && !mode.equals("basic")) {
            auth.errorAt("mode", ConfigHints.unknownAuthMode(mode));
        }
        String secret = auth.string("secretName").orElse("");
        if (secret.isEmpty()) {
            auth.error(auth.pointer(), ConfigHints.authWithoutSecret());
        }
        CheckedFields.kubernetesName(auth, "secretName", KubernetesName.DNS_SUBDOMAIN, "a Secret's name");
        auth.finish();
        return Optional.of(new ServingSettings.PrometheusAuth(mode, secret));
    }

    /** A value of {@code type} written in kebab case (hpa-cpu for HPA_CPU); unknown values are errors. */
    private static <E extends Enum<E>> E choice(Fields fields, String name, Class<E> type, E fallback, String allowed) {
        Optional<String> written = fields.string(name);
        if (written.isEmpty()) {
            return fallback;
        }
        String constant = written.get().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(constant)) {
                return value;
            }
        }
        fields.errorAt(name, ConfigHints.unknownChoice(name, written.get(), allowed));
        return fallback;
    }

    private static Map<String, String> orDefault(Map<String, String> given, Map<String, String> fallback) {
        return given.isEmpty() ? new TreeMap<>(fallback) : given;
    }
}
