package io.kubeai.gitops.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;

import java.util.List;

/**
 * {@code ${json(x)}} in a template: any value as JSON, which is also YAML. It quotes strings safely and
 * writes nested Kubernetes structures (env, volumes, probes) in one line; the renderer re-formats them.
 */
final class JsonMethod implements TemplateMethodModelEx {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    @Override
    public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
        if (arguments.size() != 1) {
            throw new TemplateModelException("json(value) takes exactly one argument");
        }
        Object value = DeepUnwrap.unwrap((TemplateModel) arguments.get(0));
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new TemplateModelException("json(): cannot write " + value.getClass().getSimpleName(), e);
        }
    }
}
