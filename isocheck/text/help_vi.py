"""The command line's help in Vietnamese (``isocheck … --help`` under ``--lang vi``, the default).

``COMMANDS`` is each command's help by its path (``"rules show"``); ``OPTIONS`` each option's help by its
name, or by ``(command path, name)`` where a command words it its own way. The English help stays in the
command modules (click's decorators and docstrings); :class:`isocheck.cli.language.Command` shows these
instead under Vietnamese. A help without an entry here stays English, and tests/test_vietnamese.py names it.
"""

from __future__ import annotations

_OUTPUT = (
    "Ghi {what} vào tệp này (ghi trọn vẹn hoặc không ghi gì; không bao giờ ghi đè tệp đầu vào). "
    "Mặc định: in ra màn hình."
)

COMMANDS: dict[str, str] = {
    "": "Kiểm tra HTQLCL (TCVN ISO 9001) của cơ quan hành chính nhà nước theo QĐ 19/2014/QĐ-TTg "
    "và TT 26/2014/TT-BKHCN.",
    "check": """Kiểm tra tệp thông tin (YAML hoặc JSON) của một cơ quan và báo cáo kết quả.

\b
Kiểm tra trước khi công bố (kết luận SẴN SÀNG / CHƯA ĐỦ ĐIỀU KIỆN):
  isocheck check co-quan.yaml --profile pre-announcement [--announce-on 2022-03-01]
Tự đánh giá hằng năm có chấm điểm:
  isocheck check co-quan.yaml --profile annual --year 2021 --rubric rubrics/ha-tinh-7.2.example.yaml

Mã thoát: 0 không có điểm nào từ mức --fail-on trở lên; 1 có điểm không phù hợp từ mức --fail-on trở lên,
quy tắc bị lỗi, hoặc kết luận CHƯA ĐỦ ĐIỀU KIỆN CÔNG BỐ (kể cả khi chỉ vì thiếu thông tin; trừ khi
--fail-on none); 2 dữ liệu vào sai.""",
    "report": """Báo cáo kiểm tra dạng một trang HTML khép kín: kết luận, số liệu, từng điểm không phù hợp kèm giải
thích, các kết quả chưa đến hạn, không đánh giá được và lỗi quy tắc.

Mã thoát như `isocheck check`: 1 cả khi kết luận trước công bố là CHƯA ĐỦ ĐIỀU KIỆN.""",
    "minutes": """Biên bản kiểm tra (TT26 Điều 37 khoản 2 điểm b, Mẫu 21. BBKT) dạng tệp Word: căn cứ pháp lý, đoàn
kiểm tra, các nội dung theo TT26 Điều 36 và kết quả, các điểm không phù hợp, kết luận, yêu cầu khắc
phục trong 2 tháng, chữ ký.

\b
  isocheck minutes xa.yaml --as-of 2021-11-16 --inspection kiem-tra.yaml -o bien-ban.docx""",
    "explain": "Giải thích vì sao quy tắc không đạt (hoặc đạt): căn cứ pháp lý, điều kiện, thông tin đã dùng, "
    "cách để đạt.",
    "rules": "Liệt kê hoặc xem các quy tắc của bộ quy tắc.",
    "rules list": "Mọi quy tắc: mã, mức độ, tên, căn cứ; với --overlay, nguồn của từng quy tắc.",
    "rules show": "Toàn bộ một quy tắc: căn cứ pháp lý, điều kiện, thông báo, cách khắc phục, bằng chứng và nguồn.",
    "batch": """Kiểm tra nhiều cơ quan (các tệp thông tin hoặc thư mục chứa chúng) và in bảng tổng hợp của tỉnh: mỗi
cơ quan một dòng theo cấp, tổng hợp theo cấp, và với --baseline những gì thay đổi so với lần trước.

Kết quả được ghi dần khi từng cơ quan xong (JSON và CSV theo thứ tự tệp). Bảng, Markdown, HTML, XLSX và
Word trình bày như báo cáo của tỉnh: cấp tỉnh (sở, ban, ngành cùng chi cục, đơn vị trực thuộc), cấp huyện
(nếu còn), cấp xã; đơn vị trực thuộc ghi ngay dưới cơ quan chủ quản; tên theo thứ tự chữ cái tiếng Việt;
dòng cộng "x/N" của từng cột cho từng cấp và toàn bộ. Với --format csv -o KQ.csv, các điểm cần xử lý
(mỗi cơ quan × mỗi kết quả không đạt, lỗi, không đánh giá được, chưa đến hạn, được miễn) được ghi thêm vào
KQ.findings.csv bên cạnh, cùng dấu phân cách và BOM. Tệp trong thư mục được tìm cả ở thư mục con; liên
kết trỏ ra ngoài, FIFO và thiết bị bị bỏ qua kèm cảnh báo. Mỗi cơ quan được nhận diện bằng đường dẫn
tệp tính từ thư mục đã cho (--baseline đối chiếu theo đó).

Mã thoát: 0 mọi cơ quan không có điểm không phù hợp từ mức --fail-on trở lên; 1 trường hợp còn lại (hoặc
có cơ quan không kiểm tra được, hoặc không khởi động được các tiến trình); 2 dùng sai lệnh, tệp quy tắc/
miễn trừ/baseline sai, không ghi được tệp kết quả, hoặc --strict gặp tệp sai; 130 (143) dừng bằng Ctrl-C
(SIGTERM), không ghi gì.""",
    "docs": """Tạo danh mục quy tắc, tài liệu tệp thông tin và JSON Schema của nó.

Mặc định ghi docs/rules.md, docs/facts.md và docs/fact-file.schema.json từ bộ quy tắc và mô hình dữ liệu.

\b
  isocheck docs                      # tạo lại cả ba trong docs/
  isocheck docs --check              # CI: mã thoát 1 nếu tệp đã lưu đã cũ
  isocheck docs -o rules.md          # chỉ danh mục quy tắc, vào rules.md
  isocheck docs --only facts -o -    # chỉ tài liệu tệp thông tin, ra màn hình""",
    "schema": """In JSON Schema của một loại tệp isocheck đọc: `facts` (tệp thông tin cơ quan).

Trình soạn thảo dùng nó để gợi ý và kiểm tra tệp thông tin ngay khi gõ (xem docs/facts.md).""",
    "init": """Ghi một tệp thông tin mẫu có chú thích cho một cơ quan mới.

Mọi trường đều có, với giá trị ví dụ sát thực tế theo cấp và chú thích (theo --lang) nói ý nghĩa,
có bắt buộc không và quy tắc nào đọc trường đó. Thay các giá trị rồi chạy `isocheck check TỆP`.

\b
  isocheck init --level commune --name "UBND xã Thạch Hạ" -o thach-ha.yaml""",
    "import": """Nhập danh sách của tỉnh (mỗi cơ quan một dòng, CSV hoặc XLSX) thành mỗi cơ quan một tệp thông tin YAML.

\b
Các cột, ký hiệu và ô trống được giải thích trong docs/roster.md. Ví dụ:
  isocheck import fixtures/province-ha-tinh-2021/roster.csv -o facts/""",
    "impact": """Liệt kê các cơ quan chịu tác động của một văn bản pháp luật mới (TTHC thuộc lĩnh vực hoặc mã nó nêu)
và hạn cập nhật vào HTQLCL: ba tháng kể từ ngày văn bản có hiệu lực (điểm a khoản 4 Điều 4 QĐ 19/2014).

\b
  isocheck impact facts/ --number 04/2020/TT-BTP --effective-on 2020-07-16 --field "Hộ tịch"
  isocheck impact fixtures/*.yaml --document fixtures/legal-changes/tt-04-2020-tt-btp.yaml --format json""",
    "serve": """Một trang web chạy trên máy mình để tạo và sửa các tệp thông tin cơ quan trong THƯ_MỤC (mặc định: thư
mục hiện tại), kết quả kiểm tra hiện ngay khi gõ, lưu tệp, tải báo cáo HTML và biên bản Word.

\b
Chỉ đọc và ghi trong THƯ_MỤC, chỉ nghe ở 127.0.0.1 trừ khi --host nói khác:
  isocheck serve ho-so-iso --port 8765 --catalogue danh-muc-tthc.xlsx""",
}

OPTIONS: dict[str | tuple[str, str], str] = {
    "version": "Hiện phiên bản rồi thoát.",
    "_click_default_help": "Hiện hướng dẫn này rồi thoát.",  # click keeps its help option once made, in English
    "as_of": "Đánh giá tại ngày này (YYYY-MM-DD). Mặc định: hôm nay (tiêu đề báo cáo sẽ ghi rõ).",
    "year": "Năm được đánh giá đối với các nghĩa vụ hằng năm. Mặc định: năm của ngày đánh giá.",
    "profile": "Bộ quy tắc áp dụng (loại kiểm tra).",
    ("minutes", "profile"): "Bộ quy tắc áp dụng (mặc định kiểm tra định kỳ; pre-announcement trước khi công bố).",
    "fmt": "Dạng kết quả.",
    "lang": "Ngôn ngữ của kết quả và thông báo (vi: tiếng Việt, en: tiếng Anh).",
    "fail_on": "Thoát với mã 1 khi có điểm không phù hợp từ mức này trở lên.",
    "rules_dir": "Thư mục bộ quy tắc (mặc định: bộ quy tắc đi kèm).",
    "overlay_file": "Quy định riêng của tỉnh (YAML) áp dụng cùng bộ quy tắc quốc gia, hoặc tên một bộ có sẵn "
    "(ha-tinh.example): quy tắc bỏ qua, mức độ thay đổi, tham số và tiêu chí bổ sung, mỗi thay đổi kèm quyết định.",
    "catalogue_file": "Danh mục TTHC của tỉnh (.csv hoặc .xlsx xuất từ Cổng dịch vụ công): phạm vi áp dụng của cơ quan "
    "được đối chiếu thêm với danh mục này (TTHC thiếu trong phạm vi, TTHC đã bãi bỏ vẫn còn, TTHC mới trong thời hạn "
    "ba tháng).",
    "announce_on": "Ngày dự kiến công bố (YYYY-MM-DD, chỉ với --profile pre-announcement): các điều kiện trước khi "
    "công bố của lần công bố dự kiến được xét đến ngày đó; báo cáo liệt kê thêm các nghĩa vụ đến hạn từ ngày đánh "
    "giá đến ngày đó. Mặc định: ngày đánh giá.",
    "waivers_file": "Tệp miễn trừ (YAML): các ngoại lệ đã được phê duyệt, có thời hạn, hiện là 'được miễn'.",
    "rubric_file": "Chấm điểm cơ quan theo bảng tiêu chí này, hoặc tên một bảng có sẵn (ha-tinh-7.2.example).",
    ("check", "output"): _OUTPUT.format(what="báo cáo"),
    ("report", "output"): _OUTPUT.format(what="trang HTML"),
    ("explain", "output"): _OUTPUT.format(what="phần giải thích"),
    ("batch", "output"): _OUTPUT.format(what="kết quả tổng hợp"),
    ("schema", "output"): _OUTPUT.format(what="JSON Schema"),
    ("init", "output"): _OUTPUT.format(what="tệp mẫu"),
    ("impact", "output"): _OUTPUT.format(what="danh sách"),
    ("minutes", "output"): "Ghi biên bản vào tệp .docx này (ghi trọn vẹn hoặc không ghi gì).",
    ("minutes", "inspection_file"): "Thông tin đợt kiểm tra (YAML): đoàn kiểm tra, quyết định, nơi và ngày ký, "
    "đại diện cơ quan. Không có tệp này, biên bản để dòng chấm cho điền tay.",
    (
        "explain",
        "rule_id",
    ): "Giải thích quy tắc này cho mọi đối tượng, dù kết quả thế nào. Mặc định: mọi quy tắc không đạt.",
    "baseline_file": "Kết quả 'batch --format json' lần trước: cho biết điểm mới phát sinh, đã khắc phục, còn tồn tại.",
    "csv_delimiter": "Dấu phân cách của CSV: ';' cho Excel cài đặt tiếng Việt, ',' cho nơi khác.",
    "workers": "Số tiến trình chạy song song (mặc định: bằng số CPU).",
    "strict": "Dừng ở tệp thông tin sai đầu tiên (mã thoát 2) thay vì ghi nhận rồi chạy tiếp.",
    "no_cache": "Đọc lại mọi tệp thông tin. Mặc định các cơ quan đã kiểm tra hợp lệ được lưu đệm (ISOCHECK_CACHE_DIR "
    "hoặc XDG_CACHE_HOME đổi nơi lưu), theo đường dẫn, kích thước, thời điểm sửa tệp, phiên bản công cụ và bộ quy tắc.",
    "quiet": "Không hiện thanh tiến độ (khi kết quả không hiện trên cửa sổ dòng lệnh thì vốn không hiện).",
    ("docs", "out_dir"): "Thư mục ghi các tài liệu được tạo.",
    ("docs", "only"): "Chỉ tạo một tài liệu: danh mục quy tắc, tài liệu tệp thông tin hoặc JSON Schema.",
    ("docs", "all_docs"): "Tạo mọi tài liệu (mặc định).",
    (
        "docs",
        "output",
    ): "Ghi một tài liệu (danh mục quy tắc, hoặc tài liệu của --only) vào tệp này; '-' để in ra màn hình.",
    ("docs", "check"): "Không ghi gì; thoát với mã 1 và nêu từng tài liệu thiếu hoặc đã cũ, mã 0 nếu đều mới.",
    ("init", "level"): "Cấp hành chính của cơ quan, viết như trường 'level:' trong tệp thông tin (chi cục: "
    "sub_department, có dấu gạch dưới).",
    ("init", "name"): "Tên chính thức của cơ quan (mặc định: một tên ví dụ theo cấp).",
    ("init", "province"): "Tỉnh (mặc định: Hà Tĩnh).",
    ("init", "force"): "Ghi đè tệp kết quả nếu đã có.",
    ("import", "out_dir"): "Thư mục ghi các tệp thông tin (tạo mới nếu chưa có).",
    ("import", "year"): "Năm của danh sách. Mặc định: năm ghi trong tiêu đề cột (ví dụ 'Mục tiêu chất lượng 2021'), "
    "hoặc ở dòng tiêu đề bảng ('… NĂM 2025').",
    ("import", "mandated_by"): "Số quyết định (kế hoạch) của tỉnh bắt buộc các xã, đơn vị sự nghiệp trong bảng áp dụng "
    "HTQLCL (khoản 2 Điều 2 QĐ 19/2014/QĐ-TTg), ví dụ '121/KH-UBND'; dùng cùng --mandated-on và --mandated-issuer. "
    "Không có: bỏ trống nghĩa vụ của các đơn vị đó (mọi quy tắc của chúng không đánh giá được).",
    ("import", "mandated_on"): "Ngày ban hành quyết định đó (YYYY-MM-DD).",
    ("import", "mandated_issuer"): "Cơ quan ban hành, ví dụ 'UBND tỉnh Hà Tĩnh'.",
    ("import", "skip_rows"): "Số dòng tiêu đề bảng đứng trước dòng tiêu đề cột. Mặc định: tự tìm dòng tiêu đề cột "
    "(dòng có cột 'Tên đơn vị').",
    ("import", "force"): "Ghi đè các tệp thông tin có nội dung khác.",
    (
        "impact",
        "document_file",
    ): "Văn bản pháp luật mới dạng tệp YAML/JSON: number, title, effective_on, fields, codes.",
    ("impact", "number"): "Số hiệu văn bản mới, ví dụ 04/2020/TT-BTP.",
    ("impact", "title"): "Trích yếu văn bản (không bắt buộc).",
    ("impact", "effective_on"): "Ngày văn bản có hiệu lực (YYYY-MM-DD).",
    ("impact", "fields"): "Một lĩnh vực TTHC văn bản tác động; lặp lại cho nhiều lĩnh vực.",
    ("impact", "codes"): "Một mã TTHC văn bản tác động; lặp lại cho nhiều mã.",
    ("serve", "host"): "Địa chỉ lắng nghe (mặc định chỉ máy này).",
    ("serve", "port"): "Cổng lắng nghe.",
    ("serve", "catalogue_file"): "Danh mục TTHC của tỉnh (.csv hoặc .xlsx với các cột code, name, field): "
    "các dòng TTHC được điền từ đó.",
}

DEFAULTS_VI: dict[str, str] = {  # the show_default texts that are words, not values
    "vi, or ISOCHECK_LANG, or lang in ./isocheck.toml": "vi, hoặc ISOCHECK_LANG, hoặc lang trong ./isocheck.toml",
    "overlay in ./isocheck.toml, if any": "overlay trong ./isocheck.toml, nếu có",
    "all, or profile in ./isocheck.toml": "all, hoặc profile trong ./isocheck.toml",
    "inspection, or profile in ./isocheck.toml": "inspection, hoặc profile trong ./isocheck.toml",
}

METAVARS_VI: dict[str, str] = {  # click's names of value types in the help
    "INTEGER RANGE": "SỐ",
    "INTEGER": "SỐ",
    "TEXT": "CHỮ",
    "PATH": "ĐƯỜNG_DẪN",
    "FILE": "TỆP",
    "DIRECTORY": "THƯ_MỤC",
    "YYYY-MM-DD": "YYYY-MM-DD",
}
