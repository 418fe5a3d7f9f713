import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import java.nio.file.StandardCopyOption

// Copies examples/gitops-repo (exampleDir, set in the plugin's pom) into this clone as gitops-repo/, so the
// test runs on the real example without ever writing to it. A target/ left by a local build is not copied.
Path from = Paths.get(exampleDir)
Path to = basedir.toPath().resolve('gitops-repo')
assert Files.isRegularFile(from.resolve('pom.xml')): "no example repo at ${from}"
assert Files.isRegularFile(from.resolve('kubeai.yaml')): "no kubeai.yaml in ${from}"

Files.walk(from).withCloseable { paths ->
    paths.each { Path p ->
        Path rel = from.relativize(p)
        if (rel.nameCount > 0 && rel.getName(0).toString() == 'target') {
            return
        }
        Path dest = to.resolve(rel.toString())
        if (Files.isDirectory(p)) {
            Files.createDirectories(dest)
        } else {
            Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING)
        }
    }
}
return true
