<#-- Routes the requests for one Model, and for each of its adapters, from the user's Gateway. The
     Gateway's body-based router copies the request body's `model` into a header; each match is one name
     the Model answers to. `r` is a plan traffic RoutePlan. -->
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: ${json(r.name)}
  labels:
    kubeai.org/model: ${json(r.model)}
spec:
  parentRefs:
  - group: gateway.networking.k8s.io
    kind: Gateway
    name: ${json(r.gatewayName)}
<#if r.gatewayNamespace?has_content>
    namespace: ${json(r.gatewayNamespace)}
</#if>
<#if r.sectionName?has_content>
    sectionName: ${json(r.sectionName)}
</#if>
  rules:
<#list r.rules as names>
  - matches:
<#list names as modelName>
    - path:
        type: PathPrefix
        value: /
      headers:
      - type: Exact
        name: ${json(r.header)}
        value: ${json(modelName)}
</#list>
    backendRefs:
    - group: ${json(r.backendGroup)}
      kind: ${json(r.backendKind)}
      name: ${json(r.backendName)}
<#if r.backendPort gt 0>
      port: ${r.backendPort?c}
</#if>
    timeouts:
      request: ${json(r.timeout)}
</#list>
