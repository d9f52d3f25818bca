package io.bacalao.cli.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.cli.CliException;
import io.bacalao.domain.spec.Json;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PublisherParserTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("ipfs", "{\"Type\":\"ipfs\"}"),
                Arguments.of("local", "{\"Type\":\"local\"}"),
                Arguments.of("LOCAL", "{\"Type\":\"local\"}"),
                Arguments.of("noop", "{\"Type\":\"noop\"}"),
                Arguments.of("s3managed", "{\"Type\":\"s3managed\"}"),
                Arguments.of("'local'", "{\"Type\":\"local\"}"),
                Arguments.of("s3://bucket/results/{jobID}", "{\"Type\":\"s3\",\"Params\":{\"Bucket\":\"bucket\",\"Key\":\"results/{jobID}\"}}"),
                Arguments.of("s3://b/k,opt=region=eu-west-1,opt=endpoint=http://minio:9000",
                        "{\"Type\":\"s3\",\"Params\":{\"Bucket\":\"b\",\"Key\":\"k\",\"Region\":\"eu-west-1\",\"Endpoint\":\"http://minio:9000\"}}"),
                Arguments.of("dst=s3://b/k", "{\"Type\":\"s3\",\"Params\":{\"Bucket\":\"b\",\"Key\":\"k\"}}"),
                Arguments.of("s3://b/out/{jobID},opt=encoding=plain",
                        "{\"Type\":\"s3\",\"Params\":{\"Bucket\":\"b\",\"Key\":\"out/{jobID}\",\"Encoding\":\"plain\"}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void parses(String value, String json) {
        assertEquals(json, Json.write(PublisherParser.parse(value)));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("", "missing publisher type"),
                Arguments.of("ftp", "unknown publisher type: ftp"),
                Arguments.of("s3", "needs s3://BUCKET/KEY"),
                Arguments.of("s3://bucket", "missing key"),
                Arguments.of("s3:///key", "missing bucket"),
                Arguments.of("s3://b/k,opt=acl=public", "unknown option \"acl\""),
                Arguments.of("local,opt=x=y", "takes no options"),
                Arguments.of("ipfs://Qm", "takes no URI"),
                Arguments.of("local,extra", "is not a KEY=VALUE pair"),
                Arguments.of("local,foo=bar", "unknown key \"foo\""));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("invalid")
    void refuses(String value, String why) {
        CliException e = assertThrows(CliException.class, () -> PublisherParser.parse(value));
        assertTrue(e.getMessage().startsWith("invalid publisher \"" + value + "\": "), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }
}
