import Testing
@testable import HomeshoreKit

@Suite struct CSVTableTests {
    @Test func readsQuotedMultiLineCells() throws {
        let table = CSVTable(text: "\u{FEFF}text,label\r\n\"Bien, \"\"vraiment\"\"\nbien\",pos\r\nnul,neg\n\n\"\",neu\n")
        #expect(table.header == ["text", "label"])
        #expect(try table.column("text") == ["Bien, \"vraiment\"\nbien", "nul", ""])
        #expect(try table.column("label") == ["pos", "neg", "neu"])
    }

    @Test func lastRowWithoutLineEnd() throws {
        #expect(try CSVTable(text: "text\na\nb").column("text") == ["a", "b"])
    }

    @Test func missingColumnIsAnError() {
        #expect(throws: CSVError.self) { try CSVTable(text: "a,b\n1,2").column("text") }
    }
}
