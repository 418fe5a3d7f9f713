<#-- A cache volume. `r` is a plan VolumeClaim; `snapshot` restores a filled disk read-only;
     `volumeName` binds a pre-provisioned PersistentVolume (with storageClassName "", no provisioner runs). -->
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${json(r.name)}
  labels:
    app.kubernetes.io/component: cache
<#if r.model?has_content>
    kubeai.org/model: ${json(r.model)}
</#if>
spec:
  accessModes: ${json(r.accessModes)}
  storageClassName: ${json(r.storageClass)}
<#if r.volumeName?has_content>
  volumeName: ${json(r.volumeName)}
</#if>
<#if r.snapshot?has_content>
  dataSource:
    apiGroup: snapshot.storage.k8s.io
    kind: VolumeSnapshot
    name: ${json(r.snapshot)}
</#if>
  resources:
    requests:
      storage: ${json(r.size)}
