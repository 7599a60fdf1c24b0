import Foundation

/// What a homeshoring job seeker decides on, read from an offer's text and structured fields: remote work, contract,
/// pay, hours, channels, tasks, equipment to provide and training. Every value keeps the sentence that decided it.
public struct OfferFacets: Sendable, Codable, Equatable {
    /// A value with the text span (a sentence of the offer, or a structured field) that decided it.
    public struct Facet<Value: Sendable & Codable & Equatable>: Sendable, Codable, Equatable {
        public var value: Value
        /// The sentence or phrase that decided the value; nil when nothing did (an unknown value).
        public var evidence: String?

        public init(_ value: Value, evidence: String?) {
            self.value = value
            self.evidence = evidence
        }
    }

    /// How remote the job is.
    public enum Remote: String, Sendable, Codable, CaseIterable {
        case full, hybrid, onSite = "on_site", unknown
    }

    /// A kind of contract; an offer may list several.
    public enum Contract: String, Sendable, Codable, CaseIterable {
        case cdi, cdd, interim, freelance, portage, apprenticeship, internship
    }

    /// The period a pay amount is for; `act` is pay per act (per call, per appointment, per sale, commission).
    public enum PayPeriod: String, Sendable, Codable, CaseIterable {
        case hour, day, week, month, year, act
    }

    /// The pay: amount or range, period, currency.
    public struct Pay: Sendable, Codable, Equatable {
        public var min: Double?
        public var max: Double?
        public var period: PayPeriod?
        /// ISO 4217 code, e.g. `EUR`.
        public var currency: String?
        /// True when any part of the pay is per act or commission, even beside a fixed salary.
        public var perAct: Bool
        public var evidence: String?

        public init(min: Double? = nil, max: Double? = nil, period: PayPeriod? = nil, currency: String? = nil,
                    perAct: Bool = false, evidence: String? = nil) {
            self.min = min
            self.max = max
            self.period = period
            self.currency = currency
            self.perAct = perAct
            self.evidence = evidence
        }

        enum CodingKeys: String, CodingKey {
            case min, max, period, currency, perAct = "per_act", evidence
        }
    }

    /// Full or part time.
    public enum HoursKind: String, Sendable, Codable, CaseIterable {
        case fullTime = "full_time", partTime = "part_time", unknown
    }

    /// Out-of-office-hours work the offer asks for.
    public enum Schedule: String, Sendable, Codable, CaseIterable {
        case evening, weekend
    }

    /// Working time: full or part time, hours per week when given, evening and week-end work.
    public struct Hours: Sendable, Codable, Equatable {
        public var value: HoursKind
        public var perWeek: Double?
        public var schedule: [Facet<Schedule>]
        public var evidence: String?

        public init(value: HoursKind = .unknown, perWeek: Double? = nil, schedule: [Facet<Schedule>] = [],
                    evidence: String? = nil) {
            self.value = value
            self.perWeek = perWeek
            self.schedule = schedule
            self.evidence = evidence
        }

        enum CodingKeys: String, CodingKey {
            case value, perWeek = "per_week", schedule, evidence
        }
    }

    /// A channel the worker serves customers on.
    public enum Channel: String, Sendable, Codable, CaseIterable {
        case phone, email, chat, socialMedia = "social_media"
    }

    /// What the worker does.
    public enum JobTask: String, Sendable, Codable, CaseIterable {
        case inbound, outbound, afterSales = "after_sales", techSupport = "tech_support",
             appointmentSetting = "appointment_setting", moderation
    }

    /// Equipment the worker must provide at their own expense (what the employer provides is not listed).
    /// `windows_pc` stands for a computer that must run Windows (it replaces `computer`); `internet` is the home
    /// line (fibre, ADSL, wired box, "high-speed").
    public enum Equipment: String, Sendable, Codable, CaseIterable {
        case computer, windowsPC = "windows_pc", headset, secondScreen = "second_screen", internet
    }

    /// Whether the initial training is paid.
    public enum Training: String, Sendable, Codable, CaseIterable {
        case paid, unpaid, unknown
    }

    public var remote: Facet<Remote>
    public var contract: [Facet<Contract>]
    public var pay: Pay
    public var hours: Hours
    public var channels: [Facet<Channel>]
    public var tasks: [Facet<JobTask>]
    public var equipment: [Facet<Equipment>]
    public var training: Facet<Training>

    /// Facets that know nothing.
    public init() {
        remote = Facet(.unknown, evidence: nil)
        contract = []
        pay = Pay()
        hours = Hours()
        channels = []
        tasks = []
        equipment = []
        training = Facet(.unknown, evidence: nil)
    }
}

extension OfferFacets {
    /// The facets as a JSON object (the keys of `offers --json` and `sources test --json`); unknown values are
    /// written as JSON null or empty lists, never left out.
    public var jsonObject: [String: Any] {
        func single<V>(_ f: Facet<V>) -> [String: Any] where V: RawRepresentable, V.RawValue == String {
            ["value": f.value.rawValue, "evidence": f.evidence ?? NSNull()]
        }
        func list<V>(_ fs: [Facet<V>]) -> [[String: Any]] where V: RawRepresentable, V.RawValue == String {
            fs.map(single)
        }
        return [
            "remote": single(remote),
            "contract": list(contract),
            "pay": [
                "min": pay.min ?? NSNull(), "max": pay.max ?? NSNull(), "period": pay.period?.rawValue ?? NSNull(),
                "currency": pay.currency ?? NSNull(), "per_act": pay.perAct, "evidence": pay.evidence ?? NSNull(),
            ] as [String: Any],
            "hours": [
                "value": hours.value.rawValue, "per_week": hours.perWeek ?? NSNull(), "schedule": list(hours.schedule),
                "evidence": hours.evidence ?? NSNull(),
            ] as [String: Any],
            "channels": list(channels),
            "tasks": list(tasks),
            "equipment": list(equipment),
            "training": single(training),
        ]
    }

    /// The facets as compact JSON text, for the database: what `JSONEncoder` with sorted keys writes (the Codable
    /// keys, nil values left out, `/` escaped), written directly; `JSONEncoder` cost a sixth of an offer's save.
    var jsonText: String {
        var w = FacetJSONWriter()
        w.open()
        w.key("channels"); w.list(channels)
        w.key("contract"); w.list(contract)
        w.key("equipment"); w.list(equipment)
        w.key("hours"); w.open()
        if let evidence = hours.evidence { w.key("evidence"); w.string(evidence) }
        if let perWeek = hours.perWeek { w.key("per_week"); w.number(perWeek) }
        w.key("schedule"); w.list(hours.schedule)
        w.key("value"); w.string(hours.value.rawValue)
        w.close()
        w.key("pay"); w.open()
        if let currency = pay.currency { w.key("currency"); w.string(currency) }
        if let evidence = pay.evidence { w.key("evidence"); w.string(evidence) }
        if let max = pay.max { w.key("max"); w.number(max) }
        if let min = pay.min { w.key("min"); w.number(min) }
        w.key("per_act"); w.raw(pay.perAct ? "true" : "false")
        if let period = pay.period { w.key("period"); w.string(period.rawValue) }
        w.close()
        w.key("remote"); w.facet(remote)
        w.key("tasks"); w.list(tasks)
        w.key("training"); w.facet(training)
        w.close()
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// `jsonText` as `JSONEncoder` writes it: the definition the writer keeps to.
    var jsonTextReference: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Facets read back from ``jsonText``; nil when the text is not facets.
    static func fromJSON(_ text: String) -> OfferFacets? {
        try? JSONDecoder().decode(OfferFacets.self, from: Data(text.utf8))
    }
}

/// Compact JSON for `OfferFacets.jsonText`, written as `JSONEncoder` writes it.
struct FacetJSONWriter {
    var bytes: [UInt8] = []
    /// Whether the object or array being written needs a comma before its next member.
    private var needsComma = false

    init() {
        bytes.reserveCapacity(1_024)
    }

    mutating func open() { separate(); bytes.append(UInt8(ascii: "{")); needsComma = false }
    mutating func close() { bytes.append(UInt8(ascii: "}")); needsComma = true }

    mutating func key(_ name: StaticString) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        needsComma = false
    }

    mutating func raw(_ text: StaticString) {
        separate()
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        needsComma = true
    }

    /// A number as `JSONEncoder` writes a Double: its description, without a trailing `.0`.
    mutating func number(_ value: Double) {
        separate()
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
        needsComma = true
    }

    /// A string with `"`, `\`, `/` and control characters escaped, the rest as UTF-8.
    mutating func string(_ text: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
            case UInt8(ascii: "/"): bytes.append(contentsOf: [0x5C, 0x2F])
            case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    mutating func facet<V: RawRepresentable>(_ f: OfferFacets.Facet<V>) where V.RawValue == String {
        open()
        if let evidence = f.evidence { key("evidence"); string(evidence) }
        key("value"); string(f.value.rawValue)
        close()
    }

    mutating func list<V: RawRepresentable>(_ fs: [OfferFacets.Facet<V>]) where V.RawValue == String {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        for f in fs { facet(f) }
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }
}
