package org.tokenspace.code;

/** Tables loaded from a safetensors file, read in the script with torch alone (no safetensors package needed). */
final class TablesCode {
    private TablesCode() {
    }

    /** {@code read_table} and the layers made from the file's tensors, trainable as TokenSpace's are. */
    static void loaded(PyScript s, CodeInput.TablesFile t, boolean positions) {
        String path = PyText.str(t.file().toAbsolutePath().toString());
        s.code("",
                "def read_table(path, name):",
                "    # one tensor of a .safetensors file as float32: an 8-byte header size, a JSON header, the data",
                "    with open(path, \"rb\") as f:",
                "        header_size = struct.unpack(\"<Q\", f.read(8))[0]",
                "        info = json.loads(f.read(header_size))[name]",
                "        begin, end = info[\"data_offsets\"]",
                "        f.seek(8 + header_size + begin)",
                "        data = bytearray(f.read(end - begin))",
                "    dtypes = {\"F32\": torch.float32, \"F16\": torch.float16, \"BF16\": torch.bfloat16, "
                        + "\"F64\": torch.float64}",
                "    return torch.frombuffer(data, dtype=dtypes[info[\"dtype\"]]).reshape(info[\"shape\"]).float()",
                "",
                "",
                "tables = " + path,
                "token_table = read_table(tables, " + PyText.str(t.tokenTensor()) + ")",
                "token_embedding_layer = torch.nn.Embedding.from_pretrained(token_table, freeze=False)");
        if (positions) {
            s.code("pos_table = read_table(tables, " + PyText.str(t.positionTensor()) + ")",
                    "pos_embedding_layer = torch.nn.Embedding.from_pretrained(pos_table, freeze=False)");
        }
        s.blank();
    }
}
