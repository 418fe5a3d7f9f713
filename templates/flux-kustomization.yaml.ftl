<#-- One Flux Kustomization: a step (load, snapshot, serve, train) of one delivery unit, or of the whole
     tree with gitops.units: single. It depends on the step before and, for a unit's first step, on the
     units it needs; `wait` makes a Job's completion gate the next step. No `force`: it would delete and
     re-create an object whose immutable fields changed, and for a claim that is its data; loader Jobs
     need none, as a change of their inputs changes their names. `r` is a plan EntryPoint.FluxStep. -->
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: ${json(r.name)}
  namespace: flux-system
spec:
  interval: 10m
  retryInterval: 1m
  timeout: 2h
  path: ${json("./" + r.folder)}
  prune: true
  wait: ${r.waits?c}
<#if r.target?has_content>
  targetNamespace: ${json(r.target)}
</#if>
  sourceRef:
    kind: GitRepository
    name: ${json(r.source.name)}
<#if r.dependsOn?has_content>
  dependsOn:
<#list r.dependsOn as d>
  - name: ${json(d)}
</#list>
</#if>
