package org.kleline.ledger.embedded.registry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.embedded.registry.CompatibilityLevel;

class StoreRecordCodecTest {

    private final StoreRecordCodec codec = new StoreRecordCodec(new ObjectMapper());

    @Test
    void schemaKeysAndValuesUseConfluentsLayout() {
        assertThat(codec.schemaKey("payments-value", 2))
                .isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"payments-value\",\"version\":2,\"magic\":1}");
        assertThat(codec.schemaValue("payments-value", 2, 7, "\"string\""))
                .isEqualTo("{\"subject\":\"payments-value\",\"version\":2,\"id\":7,\"schema\":\"\\\"string\\\"\","
                        + "\"deleted\":false}");
    }

    @Test
    void configKeysHaveANullSubjectForTheGlobalLevel() {
        assertThat(codec.configKey(Optional.empty()))
                .isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
        assertThat(codec.configKey(Optional.of("s")))
                .isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":\"s\",\"magic\":0}");
        assertThat(codec.configValue(CompatibilityLevel.FULL)).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
    }

    @Test
    void aSchemaRecordDecodesToItsVersion() {
        StoreRecord decoded = codec.decode(codec.schemaKey("s", 3), codec.schemaValue("s", 3, 9, "\"long\""));

        assertThat(decoded).isEqualTo(new StoreRecord.SchemaVersion("s", 3, 9, "\"long\"", false));
    }

    @Test
    void aTombstoneDecodesAsADeletedVersion() {
        assertThat(codec.decode(codec.schemaKey("s", 3), null))
                .isEqualTo(new StoreRecord.SchemaVersion("s", 3, -1, null, true));
    }

    @Test
    void configRecordsDecodeToTheirLevel() {
        assertThat(codec.decode(codec.configKey(Optional.empty()), codec.configValue(CompatibilityLevel.NONE)))
                .isEqualTo(new StoreRecord.Config(Optional.empty(), Optional.of(CompatibilityLevel.NONE)));
        assertThat(codec.decode(codec.configKey(Optional.of("s")), null))
                .isEqualTo(new StoreRecord.Config(Optional.of("s"), Optional.empty()));
    }

    @Test
    void otherKeyTypesAndSchemaTypesAreIgnored() {
        assertThat(codec.decode("{\"keytype\":\"NOOP\",\"magic\":0}", null)).isEqualTo(new StoreRecord.Ignored("NOOP"));
        assertThat(codec.decode(
                        codec.schemaKey("s", 1),
                        "{\"subject\":\"s\",\"version\":1,\"id\":4,\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax\"}"))
                .isEqualTo(new StoreRecord.Ignored("SCHEMA/PROTOBUF"));
    }

    @Test
    void aKeyThatIsNotJsonIsRefusedNamingIt() {
        assertThatThrownBy(() -> codec.decode("garbage", "{}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("garbage");
    }
}
