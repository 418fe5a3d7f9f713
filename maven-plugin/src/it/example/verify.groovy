// Both invocations wrote to one build.log: check first, then generate.
String log = new File(basedir, 'build.log').text

assert log.contains('kubeai-maven-plugin:' + kubeaiVersion + ':check'): 'kubeai:check did not run'
assert log.contains('rendered tree is up to date'): 'kubeai:check did not find the committed rendered/ exact'
assert log.contains('kubeai-maven-plugin:' + kubeaiVersion + ':generate'): 'kubeai:generate did not run'
assert log.contains('up to date, nothing written'): 'kubeai:generate changed the committed rendered/'
assert !log.contains('BUILD FAILURE')
assert !log.contains('[ERROR]')

File kustomization = new File(basedir, 'gitops-repo/rendered/kustomization.yaml')
assert kustomization.isFile(): "missing ${kustomization}"
assert kustomization.text.contains('resources:')
return true
