<#-- The credentials KEDA presents to Prometheus, read from a Secret the platform team creates; the
     generator only names it. `r` is a plan traffic TriggerAuthPlan. -->
apiVersion: keda.sh/v1alpha1
kind: TriggerAuthentication
metadata:
  name: ${r.name}
spec:
  secretTargetRef:
<#list r.refs as ref>
  - parameter: ${json(ref.parameter)}
    name: ${json(r.secret)}
    key: ${json(ref.key)}
</#list>
