package io.bacalao.cli.command.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bacalao.cli.CliException;
import io.bacalao.domain.spec.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerJobBuilderTest {
    @Test
    void engineCarriesImageEntrypointParametersAndWorkdir() {
        var engine = DockerJobBuilder.engine("ubuntu:24.04", List.of("-c", "echo $HOME > /outputs/x"),
                List.of("/bin/sh"), "/work");
        assertEquals("{\"Type\":\"docker\",\"Params\":{\"Image\":\"ubuntu:24.04\",\"Entrypoint\":[\"/bin/sh\"],"
                + "\"Parameters\":[\"-c\",\"echo $HOME > /outputs/x\"],\"WorkingDirectory\":\"/work\"}}", Json.write(engine));
    }

    @Test
    void emptyPartsAreLeftOut() {
        assertEquals("{\"Type\":\"docker\",\"Params\":{\"Image\":\"busybox\"}}",
                Json.write(DockerJobBuilder.engine("busybox", List.of(), List.of(), null)));
    }

    @Test
    void refusesMissingImageAndRelativeWorkdir() {
        assertEquals("missing IMAGE", assertThrows(CliException.class,
                () -> DockerJobBuilder.engine(" ", List.of(), List.of(), null)).getMessage());
        assertEquals("invalid workdir \"work\": must be an absolute path", assertThrows(CliException.class,
                () -> DockerJobBuilder.engine("busybox", List.of(), List.of(), "work")).getMessage());
    }
}
