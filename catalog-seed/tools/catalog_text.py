"""Translated building blocks the catalog generator composes product names and descriptions from.

Every block exists in the five catalog locales (en, fr, ja, ko, zh-CN). Descriptions are written so
that the slots ({g} = the Games, {gde}/{ga} = French "de …"/"à …" forms) never need a grammatical
particle that depends on the word filled in (Korean particles, French elision are handled here).
"""

LOCALES = ("en", "fr", "ja", "ko", "zh-CN")

# --- reference data ---------------------------------------------------------------------------

REGIONS = [
	# code, name, currency, default locale, supported, tax mode, rate, label, label in the default locale, theme,
	# time zone fans read times in
	("us", "United States", "USD", "en", "en", "EXCLUSIVE", "0.0800", "Sales tax", "", "default", "America/New_York"),
	("eu", "Europe", "EUR", "fr", "fr|en", "INCLUSIVE", "0.2000", "VAT", "TVA", "paris-2024", "Europe/Paris"),
	("gb", "United Kingdom", "GBP", "en", "en", "INCLUSIVE", "0.2000", "VAT", "", "paris-2024", "Europe/London"),
	("jp", "Japan", "JPY", "ja", "ja|en", "INCLUSIVE", "0.1000", "Consumption tax", "消費税", "milano-cortina-2026", "Asia/Tokyo"),
	("kr", "South Korea", "KRW", "ko", "ko|en", "INCLUSIVE", "0.1000", "VAT", "부가가치세", "milano-cortina-2026", "Asia/Seoul"),
	("au", "Australia", "AUD", "en", "en", "INCLUSIVE", "0.1000", "GST", "", "default", "Australia/Sydney"),
	("cn", "China", "CNY", "zh-CN", "zh-CN|en", "INCLUSIVE", "0.1300", "VAT", "增值税", "milano-cortina-2026", "Asia/Shanghai"),
]

# region, code, amount, free over, min days, max days (amounts in major units of the region's currency)
SHIPPING = [
	("us", "standard", "7.95", "75.00", 3, 7), ("us", "express", "19.95", "", 1, 2),
	("eu", "standard", "6.90", "70.00", 3, 6), ("eu", "express", "16.90", "", 1, 3),
	("gb", "standard", "4.95", "60.00", 2, 4), ("gb", "express", "9.95", "", 1, 1),
	("jp", "standard", "660", "8000", 2, 4), ("jp", "express", "1320", "", 1, 2),
	("kr", "standard", "3500", "70000", 2, 3), ("kr", "express", "8000", "", 1, 1),
	("au", "standard", "9.95", "100.00", 3, 8), ("au", "express", "19.95", "", 1, 3),
	("cn", "standard", "12.00", "399.00", 3, 6), ("cn", "express", "25.00", "", 1, 2),
]

# slug, year, season, names (en, fr, ja, ko, zh-CN)
EDITIONS = [
	("paris-2024", 2024, "SUMMER", ("Paris 2024", "Paris 2024", "パリ2024", "파리 2024", "巴黎2024")),
	("milano-cortina-2026", 2026, "WINTER",
		("Milano Cortina 2026", "Milan Cortina 2026", "ミラノ・コルティナ2026", "밀라노 코르티나 2026", "米兰-科尔蒂纳2026")),
	("los-angeles-2028", 2028, "SUMMER",
		("Los Angeles 2028", "Los Angeles 2028", "ロサンゼルス2028", "로스앤젤레스 2028", "洛杉矶2028")),
	("brisbane-2032", 2032, "SUMMER", ("Brisbane 2032", "Brisbane 2032", "ブリスベン2032", "브리즈번 2032", "布里斯班2032")),
	("heritage", 1896, "HERITAGE", ("Heritage", "Patrimoine", "ヘリテージ", "헤리티지", "经典传承")),
]

# French "de"/"à" forms of the edition names used inside sentences
EDITION_FR_DE = {
	"paris-2024": "de Paris 2024", "milano-cortina-2026": "de Milan Cortina 2026",
	"los-angeles-2028": "de Los Angeles 2028", "brisbane-2032": "de Brisbane 2032",
}

# Past Games a heritage product celebrates: year, season, city names, French "de" form, sports then on the programme
_EARLY = ("athletics", "cycling", "fencing", "gymnastics", "swimming")
_WINTER = ("alpine-skiing", "figure-skating", "ice-hockey")
HERITAGE_GAMES = [
	(1896, "SUMMER", ("Athens", "Athènes", "アテネ", "아테네", "雅典"), "d'Athènes", _EARLY + ("tennis",)),
	(1900, "SUMMER", ("Paris", "Paris", "パリ", "파리", "巴黎"), "de Paris", _EARLY + ("tennis", "rowing", "football")),
	(1924, "WINTER", ("Chamonix", "Chamonix", "シャモニー", "샤모니", "霞慕尼"), "de Chamonix", ("figure-skating", "ice-hockey")),
	(1928, "SUMMER", ("Amsterdam", "Amsterdam", "アムステルダム", "암스테르담", "阿姆斯特丹"), "d'Amsterdam",
		_EARLY + ("rowing", "football")),
	(1948, "SUMMER", ("London", "Londres", "ロンドン", "런던", "伦敦"), "de Londres", _EARLY + ("rowing", "football", "basketball")),
	(1956, "WINTER", ("Cortina d'Ampezzo", "Cortina d'Ampezzo", "コルティナ・ダンペッツォ", "코르티나담페초", "科尔蒂纳丹佩佐"),
		"de Cortina d'Ampezzo", _WINTER),
	(1956, "SUMMER", ("Melbourne", "Melbourne", "メルボルン", "멜버른", "墨尔本"), "de Melbourne",
		_EARLY + ("rowing", "football", "basketball")),
	(1964, "SUMMER", ("Tokyo", "Tokyo", "東京", "도쿄", "东京"), "de Tokyo", _EARLY + ("rowing", "football", "basketball", "judo")),
	(1968, "WINTER", ("Grenoble", "Grenoble", "グルノーブル", "그르노블", "格勒诺布尔"), "de Grenoble", _WINTER),
	(1972, "WINTER", ("Sapporo", "Sapporo", "札幌", "삿포로", "札幌"), "de Sapporo", _WINTER),
	(1988, "SUMMER", ("Seoul", "Séoul", "ソウル", "서울", "首尔"), "de Séoul",
		_EARLY + ("rowing", "football", "basketball", "judo", "tennis")),
]

# slug, sized, names
CATEGORIES = [
	("t-shirts", True, ("T-shirts", "T-shirts", "Tシャツ", "티셔츠", "T恤")),
	("jerseys", True, ("Jerseys", "Maillots", "ジャージ", "저지", "球衣")),
	("hoodies", True, ("Hoodies & sweatshirts", "Sweats et sweats à capuche", "パーカー・スウェット", "후드티·맨투맨", "连帽衫与卫衣")),
	("jackets", True, ("Jackets", "Vestes", "ジャケット", "재킷", "夹克")),
	("kids", True, ("Kids", "Enfants", "キッズ", "키즈", "儿童")),
	("caps-hats", False, ("Caps & hats", "Casquettes et bonnets", "キャップ・帽子", "모자", "帽子")),
	("bags", False, ("Bags", "Sacs", "バッグ", "가방", "包袋")),
	("accessories", False, ("Accessories", "Accessoires", "アクセサリー", "액세서리", "配饰")),
	("pins-badges", False, ("Pins & badges", "Pin's et badges", "ピンバッジ", "핀 배지", "徽章")),
	("mascots-plush", False, ("Mascots & plush", "Mascottes et peluches", "マスコット・ぬいぐるみ", "마스코트·인형", "吉祥物与毛绒玩具")),
	("posters-prints", False, ("Posters & prints", "Affiches et estampes", "ポスター・アートプリント", "포스터·프린트", "海报与版画")),
	("drinkware", False, ("Drinkware", "Mugs et gourdes", "マグ・ボトル", "컵·보틀", "水杯与水壶")),
	("home", False, ("Home", "Maison", "ホーム・インテリア", "홈·리빙", "家居")),
]

# slug, season, names, French "de" form, Chinese fan word
SPORTS = [
	("athletics", "SUMMER", ("Athletics", "Athlétisme", "陸上競技", "육상", "田径"), "d'athlétisme", "田径迷"),
	("swimming", "SUMMER", ("Swimming", "Natation", "競泳", "수영", "游泳"), "de natation", "游泳迷"),
	("cycling", "SUMMER", ("Cycling", "Cyclisme", "自転車競技", "사이클", "自行车"), "de cyclisme", "自行车迷"),
	("gymnastics", "SUMMER", ("Gymnastics", "Gymnastique", "体操", "체조", "体操"), "de gymnastique", "体操迷"),
	("basketball", "SUMMER", ("Basketball", "Basket-ball", "バスケットボール", "농구", "篮球"), "de basket-ball", "篮球迷"),
	("football", "SUMMER", ("Football", "Football", "サッカー", "축구", "足球"), "de football", "足球迷"),
	("tennis", "SUMMER", ("Tennis", "Tennis", "テニス", "테니스", "网球"), "de tennis", "网球迷"),
	("fencing", "SUMMER", ("Fencing", "Escrime", "フェンシング", "펜싱", "击剑"), "d'escrime", "击剑迷"),
	("rowing", "SUMMER", ("Rowing", "Aviron", "ボート", "조정", "赛艇"), "d'aviron", "赛艇迷"),
	("judo", "SUMMER", ("Judo", "Judo", "柔道", "유도", "柔道"), "de judo", "柔道迷"),
	("skateboarding", "SUMMER", ("Skateboarding", "Skateboard", "スケートボード", "스케이트보드", "滑板"), "de skateboard", "滑板迷"),
	("surfing", "SUMMER", ("Surfing", "Surf", "サーフィン", "서핑", "冲浪"), "de surf", "冲浪迷"),
	("alpine-skiing", "WINTER", ("Alpine Skiing", "Ski alpin", "アルペンスキー", "알파인 스키", "高山滑雪"), "de ski alpin", "高山滑雪迷"),
	("figure-skating", "WINTER", ("Figure Skating", "Patinage artistique", "フィギュアスケート", "피겨 스케이팅", "花样滑冰"),
		"de patinage artistique", "花样滑冰迷"),
	("ice-hockey", "WINTER", ("Ice Hockey", "Hockey sur glace", "アイスホッケー", "아이스하키", "冰球"), "de hockey sur glace", "冰球迷"),
]

# National committees' team names: en, fr (name), fr ("de l'…" form), ja, ko, zh
TEAMS = {
	"cnsf": ("Team France", "Équipe de France", "de l'équipe de France", "フランス代表", "프랑스 대표팀", "法国代表队"),
	"ngc-australia": ("Team Australia", "Équipe d'Australie", "de l'équipe d'Australie", "オーストラリア代表", "호주 대표팀", "澳大利亚代表队"),
	"ngc-korea": ("Team Korea", "Équipe de Corée", "de l'équipe de Corée", "韓国代表", "대한민국 대표팀", "韩国代表队"),
}

# Mascots (named characters) and plush animals per edition: en, fr, ja, ko, zh
MASCOTS = {
	"paris-2024": [("Phryge", "Phryge", "フリージュ", "프리주", "弗里热")],
	"milano-cortina-2026": [("Tina", "Tina", "ティナ", "티나", "蒂娜"), ("Milo", "Milo", "ミロ", "밀로", "米洛")],
}
PLUSH_ANIMALS = {
	"los-angeles-2028": [("Grizzly", "grizzly", "グリズリー", "회색곰", "灰熊"), ("Sea Lion", "otarie", "アシカ", "바다사자", "海狮")],
	"brisbane-2032": [("Koala", "koala", "コアラ", "코알라", "考拉"), ("Kangaroo", "kangourou", "カンガルー", "캥거루", "袋鼠")],
}

# --- product types ----------------------------------------------------------------------------
# Each type: key, names (en, fr, ja, ko, zh), base price in USD, sport use (req|opt|no),
# season restriction (None|SUMMER|WINTER), colourable, descriptions (en, fr, ja, ko, zh).

def t(key, names, usd, sport, season, colour, descs):
	return dict(key=key, names=names, usd=usd, sport=sport, season=season, colour=colour, descs=descs)


TYPES = {
	"t-shirts": [
		t("tee", ("T-shirt", "T-shirt", "Tシャツ", "티셔츠", "T恤"), 35, "opt", None, True, (
			"Soft 100% cotton T-shirt printed with the {g} emblem on the chest. Regular fit, machine washable at 30 °C.",
			"T-shirt en coton 100 % tout doux, orné de l'emblème {g} imprimé sur la poitrine. Coupe régulière, lavable en machine à 30 °C.",
			"胸元に{g}のエンブレムをプリントした、綿100%のやわらかなTシャツ。レギュラーフィットで、30℃の洗濯機洗いに対応しています。",
			"가슴에 {g} 엠블럼이 프린트된 부드러운 면 100% 티셔츠입니다. 레귤러 핏이며 30°C 세탁기 세탁이 가능합니다.",
			"胸前印有{g}会徽的100%纯棉T恤，手感柔软。常规版型，可30°C机洗。")),
		t("graphic-tee", ("Graphic T-shirt", "T-shirt graphique", "グラフィックTシャツ", "그래픽 티셔츠", "印花T恤"), 38, "opt", None, True, (
			"Organic cotton T-shirt with a bold front graphic inspired by {g}. Relaxed fit with a ribbed collar.",
			"T-shirt en coton bio avec un grand visuel inspiré {gde} sur le devant. Coupe décontractée, col côtelé.",
			"{g}に着想を得た大胆なグラフィックをフロントに配したオーガニックコットンTシャツ。ゆったりとしたシルエットにリブ襟を合わせました。",
			"{g}에서 영감을 받은 대담한 그래픽을 앞면에 담은 오가닉 코튼 티셔츠입니다. 여유로운 핏에 골지 칼라를 적용했습니다.",
			"正面印有以{g}为灵感的醒目图案，采用有机棉制成。宽松版型，罗纹领口。")),
		t("ls-tee", ("Long-sleeve T-shirt", "T-shirt manches longues", "長袖Tシャツ", "긴소매 티셔츠", "长袖T恤"), 45, "opt", None, True, (
			"Long-sleeve T-shirt in midweight cotton with the {g} wordmark down the sleeve. Ideal as a layer on cool mornings.",
			"T-shirt manches longues en coton mi-épais, avec l'inscription {g} le long de la manche. Idéal en sous-couche les matins frais.",
			"袖に{g}のロゴを配した、ほどよい厚みのコットン長袖Tシャツ。肌寒い朝の重ね着にも最適です。",
			"소매에 {g} 로고가 들어간 적당한 두께의 면 긴소매 티셔츠입니다. 쌀쌀한 아침 레이어드용으로 좋습니다.",
			"袖部饰有{g}字标的中厚棉质长袖T恤，适合微凉清晨叠穿。")),
		t("picto-tee", ("Pictogram T-shirt", "T-shirt pictogramme", "ピクトグラムTシャツ", "픽토그램 티셔츠", "运动图标T恤"), 38, "req", None, True, (
			"Cotton T-shirt featuring the official sport pictogram of {g}. Screen-printed with water-based inks.",
			"T-shirt en coton arborant le pictogramme sportif officiel {gde}. Sérigraphié avec des encres à l'eau.",
			"{g}の公式競技ピクトグラムをあしらったコットンTシャツ。水性インクでシルクスクリーンプリントしています。",
			"{g} 공식 종목 픽토그램을 담은 면 티셔츠입니다. 수성 잉크로 실크스크린 인쇄했습니다.",
			"饰有{g}官方运动图标的棉质T恤，采用水性油墨丝网印刷。")),
	],
	"jerseys": [
		t("team-jersey", ("Team Jersey", "Maillot d'équipe", "チームジャージ", "팀 저지", "队服球衣"), 85, "req", None, False, (
			"Lightweight performance jersey in the team colours of {g}, made of moisture-wicking recycled polyester with flatlock seams.",
			"Maillot technique léger aux couleurs de l'équipe {gde}, en polyester recyclé respirant avec coutures plates.",
			"{g}のチームカラーをまとった軽量パフォーマンスジャージ。吸汗速乾性のリサイクルポリエステルとフラットシームを採用しています。",
			"{g} 팀 컬러를 입힌 가벼운 퍼포먼스 저지입니다. 흡습속건 재생 폴리에스터와 플랫 심으로 제작했습니다.",
			"采用{g}队伍配色的轻量运动球衣，由吸湿速干的再生聚酯纤维制成，平缝工艺。")),
		t("replica-jersey", ("Replica Jersey", "Maillot réplique", "レプリカジャージ", "레플리카 저지", "复刻球衣"), 75, "req", None, False, (
			"Replica of the jersey worn {ga_en}, cut for everyday wear. Heat-applied emblem and a woven neck label.",
			"Réplique du maillot porté {ga}, coupée pour un usage quotidien. Emblème thermocollé et étiquette tissée au col.",
			"{g}で着用されたジャージを、日常使いしやすいシルエットで再現。熱転写エンブレムと織りネームタグ付きです。",
			"{g}에서 착용한 저지를 일상복으로 입기 좋게 재현했습니다. 열전사 엠블럼과 직조 넥 라벨이 달려 있습니다.",
			"复刻{g}赛场球衣，版型更适合日常穿着。热转印会徽，领口配织唛。")),
		t("training-top", ("Training Top", "Haut d'entraînement", "トレーニングトップ", "트레이닝 상의", "训练上衣"), 55, "opt", None, True, (
			"Quarter-zip training top with a brushed inner face and reflective {g} details.",
			"Haut d'entraînement à col zippé, intérieur gratté et détails réfléchissants {g}.",
			"裏起毛仕様のハーフジップ・トレーニングトップ。{g}のリフレクターディテール付きです。",
			"안쪽을 기모 처리한 하프 집업 트레이닝 상의로, {g} 반사 디테일이 있습니다.",
			"四分之一拉链训练上衣，内里磨毛，饰有{g}反光细节。")),
	],
	"hoodies": [
		t("hoodie", ("Hoodie", "Sweat à capuche", "パーカー", "후드티", "连帽衫"), 70, "opt", None, True, (
			"Heavyweight fleece hoodie with a kangaroo pocket and an embroidered {g} emblem.",
			"Sweat à capuche en molleton épais, poche kangourou et emblème {g} brodé.",
			"カンガルーポケット付きの厚手スウェットパーカー。{g}のエンブレム刺繍入りです。",
			"캥거루 포켓이 달린 도톰한 기모 후드티로, {g} 엠블럼 자수가 들어가 있습니다.",
			"厚实抓绒连帽衫，配袋鼠兜，饰有{g}刺绣会徽。")),
		t("zip-hoodie", ("Zip Hoodie", "Sweat zippé à capuche", "ジップパーカー", "집업 후드티", "拉链连帽衫"), 80, "opt", None, True, (
			"Full-zip hoodie in a soft cotton blend with {g} lettering across the back.",
			"Sweat zippé à capuche en coton mélangé tout doux, lettrage {g} au dos.",
			"背中に{g}のレタリングを配した、やわらかな綿混素材のフルジップパーカー。",
			"등판에 {g} 레터링이 들어간 부드러운 면 혼방 풀집업 후드티입니다.",
			"柔软棉混纺全拉链连帽衫，背部印有{g}字样。")),
		t("crewneck", ("Crewneck Sweatshirt", "Sweat col rond", "クルーネックスウェット", "맨투맨", "圆领卫衣"), 60, "opt", None, True, (
			"Classic crewneck sweatshirt with a vintage-wash {g} print. Ribbed cuffs and hem.",
			"Sweat col rond classique avec un imprimé {g} effet vintage. Poignets et bas côtelés.",
			"ヴィンテージ加工の{g}プリントを施した定番クルーネックスウェット。袖口と裾はリブ仕様です。",
			"빈티지 워싱 {g} 프린트가 들어간 클래식 맨투맨입니다. 소매와 밑단은 골지 처리했습니다.",
			"经典圆领卫衣，饰有复古水洗效果的{g}印花，罗纹袖口和下摆。")),
	],
	"jackets": [
		t("track-jacket", ("Track Jacket", "Veste de survêtement", "トラックジャケット", "트랙 재킷", "运动夹克"), 95, "opt", None, True, (
			"Track jacket with contrast side stripes and a stand-up collar, finished with the {g} emblem.",
			"Veste de survêtement à bandes latérales contrastées et col montant, ornée de l'emblème {g}.",
			"サイドのコントラストラインとスタンドカラーが特徴のトラックジャケット。{g}のエンブレム付きです。",
			"측면 대비 라인과 스탠드 칼라가 특징인 트랙 재킷으로, {g} 엠블럼이 달려 있습니다.",
			"立领运动夹克，侧边撞色条纹，饰有{g}会徽。")),
		t("windbreaker", ("Windbreaker", "Coupe-vent", "ウインドブレーカー", "바람막이", "防风夹克"), 85, "opt", "SUMMER", True, (
			"Packable, water-repellent windbreaker that folds into its own pocket, with printed {g} graphics.",
			"Coupe-vent déperlant et compressible, qui se range dans sa propre poche, avec motifs {g} imprimés.",
			"自身のポケットに収納できる撥水仕様のパッカブル・ウインドブレーカー。{g}のグラフィックをプリントしています。",
			"주머니에 접어 넣을 수 있는 발수 패커블 바람막이로, {g} 그래픽이 프린트되어 있습니다.",
			"防泼水防风夹克，可收纳进自带口袋，印有{g}图案。")),
		t("puffer", ("Puffer Jacket", "Doudoune", "中綿ジャケット", "패딩 재킷", "保暖棉服"), 180, "opt", "WINTER", True, (
			"Warm quilted puffer jacket with recycled insulation, a detachable hood and the {g} emblem on the sleeve.",
			"Doudoune matelassée bien chaude à garnissage recyclé, capuche amovible et emblème {g} sur la manche.",
			"リサイクル中綿を使用した暖かいキルティングジャケット。取り外し可能なフードと、袖の{g}エンブレムが特徴です。",
			"재생 충전재를 사용한 따뜻한 퀼팅 패딩 재킷으로, 탈부착 후드와 소매의 {g} 엠블럼이 특징입니다.",
			"采用再生保暖填充物的绗缝棉服，可拆卸连帽，袖部饰有{g}会徽。")),
		t("softshell", ("Softshell Jacket", "Veste softshell", "ソフトシェルジャケット", "소프트쉘 재킷", "软壳夹克"), 120, "opt", None, True, (
			"Three-layer softshell jacket, wind-resistant and breathable, with a bonded {g} logo.",
			"Veste softshell trois couches, coupe-vent et respirante, avec logo {g} thermocollé.",
			"防風性と透湿性を備えた3層構造のソフトシェルジャケット。{g}ロゴをボンディング加工で配しました。",
			"방풍성과 통기성을 갖춘 3레이어 소프트쉘 재킷으로, {g} 로고를 본딩 처리했습니다.",
			"三层软壳夹克，防风透气，{g}标志采用热压工艺。")),
		t("podium-jacket", ("Podium Jacket", "Veste de podium", "表彰台ジャケット", "시상대 재킷", "领奖服夹克"), 140, "no", None, False, (
			"Inspired by the jackets worn on the medal podium {ga_en}: embroidered crest, two-way zip and a tailored fit.",
			"Inspirée des vestes portées sur le podium des médailles {gde} : écusson brodé, zip double sens et coupe ajustée.",
			"{g}の表彰台で着用されたジャケットに着想を得たデザイン。刺繍ワッペン、ダブルジップ、すっきりとしたシルエットが特徴です。",
			"{g} 시상대에서 착용한 재킷에서 영감을 받았습니다. 자수 엠블럼, 투웨이 지퍼, 슬림한 핏이 특징입니다.",
			"灵感源自{g}颁奖台上的领奖服：刺绣徽章、双向拉链、修身剪裁。")),
	],
	"kids": [
		t("kids-tee", ("Kids T-shirt", "T-shirt enfant", "キッズTシャツ", "키즈 티셔츠", "儿童T恤"), 25, "opt", None, True, (
			"Soft cotton T-shirt for children with a playful {g} print. Tag-free neck for comfort.",
			"T-shirt en coton doux pour enfant, imprimé ludique {g}. Sans étiquette au col pour plus de confort.",
			"{g}の楽しいプリントが入った、子ども用のやわらかなコットンTシャツ。首元はタグレスで快適です。",
			"{g} 프린트가 귀여운 아동용 부드러운 면 티셔츠입니다. 목 라벨이 없어 편안합니다.",
			"儿童纯棉T恤，印有趣味{g}图案，无领标设计更舒适。")),
		t("kids-hoodie", ("Kids Hoodie", "Sweat à capuche enfant", "キッズパーカー", "키즈 후드티", "儿童连帽衫"), 45, "opt", None, True, (
			"Cosy fleece hoodie for kids, with {g} artwork on the front and a lined hood.",
			"Sweat à capuche douillet pour enfant, illustration {g} sur le devant et capuche doublée.",
			"フロントに{g}のイラストを配した、子ども用のあったかフリースパーカー。フードは裏地付きです。",
			"앞면에 {g} 일러스트가 들어간 포근한 아동용 플리스 후드티로, 안감이 있는 후드가 달려 있습니다.",
			"舒适儿童抓绒连帽衫，正面饰有{g}插画，帽子带内衬。")),
		t("kids-jersey", ("Kids Jersey", "Maillot enfant", "キッズジャージ", "키즈 저지", "儿童球衣"), 50, "req", None, False, (
			"Junior version of the {g} team jersey in breathable mesh.",
			"Version junior du maillot d'équipe {g}, en maille respirante.",
			"{g}チームジャージのジュニア版。通気性のよいメッシュ素材です。",
			"{g} 팀 저지의 주니어 버전으로, 통기성 좋은 메시 소재입니다.",
			"{g}队服球衣的青少年版，透气网眼面料。")),
		t("kids-snowsuit", ("Kids Snowsuit", "Combinaison de ski enfant", "キッズスノースーツ", "키즈 스노슈트", "儿童滑雪服"), 110, "no", "WINTER", True, (
			"Insulated, waterproof one-piece snowsuit for young skiers, with reflective {g} trims.",
			"Combinaison de ski imperméable et isolée pour les jeunes skieurs, avec passepoils réfléchissants {g}.",
			"小さなスキーヤーのための防水・保温ワンピーススノースーツ。{g}のリフレクターライン付きです。",
			"어린 스키어를 위한 방수·보온 원피스 스노슈트로, {g} 반사 트림이 있습니다.",
			"为小小滑雪者打造的保暖防水连体滑雪服，饰有{g}反光饰边。")),
	],
	"caps-hats": [
		t("cap", ("Cap", "Casquette", "キャップ", "캡 모자", "棒球帽"), 30, "opt", None, True, (
			"Six-panel cotton twill cap with an embroidered {g} emblem and an adjustable strap.",
			"Casquette six panneaux en sergé de coton, emblème {g} brodé et bride réglable.",
			"{g}のエンブレムを刺繍した6パネルのコットンツイルキャップ。アジャスター付きです。",
			"{g} 엠블럼을 자수로 새긴 6패널 면 트윌 캡으로, 사이즈 조절 스트랩이 있습니다.",
			"六片式棉质斜纹棒球帽，饰有{g}刺绣会徽，可调节帽带。")),
		t("bucket-hat", ("Bucket Hat", "Bob", "バケットハット", "버킷햇", "渔夫帽"), 32, "no", "SUMMER", True, (
			"Reversible bucket hat in lightweight cotton: plain on one side, {g} pattern on the other.",
			"Bob réversible en coton léger : uni d'un côté, motif {g} de l'autre.",
			"軽いコットン素材のリバーシブル・バケットハット。片面は無地、もう片面は{g}柄です。",
			"가벼운 면 소재의 양면 버킷햇으로, 한쪽은 무지, 다른 쪽은 {g} 패턴입니다.",
			"轻薄棉质双面渔夫帽：一面纯色，一面为{g}图案。")),
		t("beanie", ("Beanie", "Bonnet", "ニット帽", "비니", "针织帽"), 28, "opt", "WINTER", True, (
			"Rib-knit beanie in a soft wool blend with a woven {g} label.",
			"Bonnet en maille côtelée, laine mélangée douce, étiquette tissée {g}.",
			"やわらかなウール混のリブニット帽。{g}の織りネーム付きです。",
			"부드러운 울 혼방 골지 니트 비니로, {g} 직조 라벨이 달려 있습니다.",
			"柔软羊毛混纺罗纹针织帽，配{g}织标。")),
		t("pompom-beanie", ("Pom-pom Beanie", "Bonnet à pompon", "ポンポンニット帽", "방울 비니", "毛球针织帽"), 34, "no", "WINTER", True, (
			"Jacquard-knit beanie with a faux-fur pom-pom and the {g} colours knitted in.",
			"Bonnet en jacquard à pompon en fausse fourrure, aux couleurs {gde}.",
			"フェイクファーのポンポンが付いたジャカード編みのニット帽。{g}のカラーを編み込みました。",
			"인조 모피 방울이 달린 자카드 니트 비니로, {g} 컬러를 짜 넣었습니다.",
			"提花针织帽，配人造毛球，织入{g}配色。")),
		t("visor", ("Sports Visor", "Visière de sport", "サンバイザー", "선바이저", "运动遮阳帽"), 26, "opt", "SUMMER", True, (
			"Lightweight sports visor with a sweat-wicking band and a printed {g} logo.",
			"Visière de sport légère, bandeau anti-transpiration et logo {g} imprimé.",
			"吸汗バンド付きの軽量スポーツサンバイザー。{g}ロゴをプリントしています。",
			"땀 흡수 밴드가 있는 가벼운 스포츠 선바이저로, {g} 로고가 프린트되어 있습니다.",
			"轻便运动遮阳帽，吸汗头带，印有{g}标志。")),
	],
	"bags": [
		t("tote", ("Tote Bag", "Tote bag", "トートバッグ", "토트백", "托特包"), 25, "opt", None, True, (
			"Sturdy canvas tote bag with long handles and a screen-printed {g} design.",
			"Tote bag robuste en toile, longues anses et motif {g} sérigraphié.",
			"長めの持ち手が付いた丈夫なキャンバストート。{g}デザインをシルクスクリーンプリントしています。",
			"긴 손잡이가 달린 튼튼한 캔버스 토트백으로, {g} 디자인이 실크스크린 인쇄되어 있습니다.",
			"结实帆布托特包，长提手，丝网印刷{g}图案。")),
		t("backpack", ("Backpack", "Sac à dos", "バックパック", "백팩", "双肩包"), 65, "no", None, True, (
			"20-litre backpack with a padded laptop sleeve, side bottle pockets and a {g} patch.",
			"Sac à dos de 20 litres avec compartiment matelassé pour ordinateur, poches latérales pour gourde et écusson {g}.",
			"クッション入りPCスリーブとサイドボトルポケットを備えた20リットルのバックパック。{g}ワッペン付きです。",
			"패딩 노트북 수납칸과 측면 물병 포켓을 갖춘 20리터 백팩으로, {g} 패치가 달려 있습니다.",
			"20升双肩包，带软垫电脑隔层和侧边水杯袋，饰有{g}布章。")),
		t("duffel", ("Duffel Bag", "Sac de sport", "ダッフルバッグ", "더플백", "运动旅行包"), 75, "opt", None, True, (
			"Water-resistant duffel bag with a separate shoe compartment and a detachable shoulder strap. Embossed {g} logo.",
			"Sac de sport déperlant avec compartiment à chaussures séparé et bandoulière amovible. Logo {g} en relief.",
			"シューズ収納と取り外し可能なショルダーストラップを備えた撥水ダッフルバッグ。{g}ロゴのエンボス入りです。",
			"신발 수납칸과 탈부착 숄더 스트랩을 갖춘 생활 방수 더플백으로, {g} 로고가 엠보싱되어 있습니다.",
			"防泼水运动旅行包，独立鞋仓，可拆卸肩带，压印{g}标志。")),
		t("drawstring", ("Drawstring Bag", "Sac à cordon", "ナップサック", "짐색", "抽绳袋"), 18, "opt", None, True, (
			"Light drawstring gym bag in recycled polyester, printed with the {g} emblem.",
			"Sac à cordon léger en polyester recyclé, imprimé de l'emblème {g}.",
			"リサイクルポリエステル製の軽量ナップサック。{g}のエンブレムをプリントしています。",
			"재생 폴리에스터로 만든 가벼운 짐색으로, {g} 엠블럼이 프린트되어 있습니다.",
			"再生聚酯纤维轻便抽绳袋，印有{g}会徽。")),
		t("crossbody", ("Crossbody Bag", "Sac bandoulière", "ショルダーバッグ", "크로스백", "斜挎包"), 40, "no", None, True, (
			"Compact crossbody bag with an adjustable strap, a zip pocket and a woven {g} badge.",
			"Sac bandoulière compact, sangle réglable, poche zippée et badge tissé {g}.",
			"調節可能なストラップとファスナーポケットを備えたコンパクトなショルダーバッグ。{g}の織りワッペン付きです。",
			"길이 조절 스트랩과 지퍼 포켓을 갖춘 콤팩트한 크로스백으로, {g} 직조 배지가 달려 있습니다.",
			"小巧斜挎包，可调节肩带，拉链口袋，配{g}织唛徽章。")),
	],
	"accessories": [
		t("scarf", ("Supporter Scarf", "Écharpe de supporter", "応援マフラー", "응원 목도리", "助威围巾"), 35, "opt", None, True, (
			"Knitted supporter scarf in {g} colours, 150 × 20 cm, with tasselled ends.",
			"Écharpe de supporter en maille aux couleurs {gde}, 150 × 20 cm, extrémités à franges.",
			"{g}カラーのニット応援マフラー（150×20cm）。両端はタッセル付きです。",
			"{g} 컬러의 니트 응원 목도리(150 × 20cm)로, 양 끝에 술 장식이 있습니다.",
			"{g}配色针织助威围巾，150×20厘米，两端饰有流苏。")),
		t("keychain", ("Keychain", "Porte-clés", "キーホルダー", "키링", "钥匙扣"), 10, "opt", None, False, (
			"Enamel-filled metal keychain with the {g} emblem.",
			"Porte-clés en métal émaillé à l'emblème {g}.",
			"{g}のエンブレムをあしらったエナメル仕上げのメタルキーホルダー。",
			"{g} 엠블럼이 들어간 에나멜 메탈 키링입니다.",
			"金属珐琅钥匙扣，饰有{g}会徽。")),
		t("lanyard", ("Lanyard", "Tour de cou", "ネックストラップ", "랜야드", "挂绳"), 12, "no", None, True, (
			"Woven lanyard with a safety breakaway clip and a {g} pattern, perfect for tickets and passes.",
			"Tour de cou tissé avec attache de sécurité détachable et motif {g}, idéal pour billets et accréditations.",
			"{g}柄の織りネックストラップ。安全ブレイクアウェイ金具付きで、チケットやパスの携帯に便利です。",
			"{g} 패턴의 직조 랜야드로, 안전 분리 클립이 있어 티켓이나 출입증을 걸기에 좋습니다.",
			"{g}图案编织挂绳，带安全断开扣，适合挂门票和证件。")),
		t("umbrella", ("Umbrella", "Parapluie", "傘", "우산", "雨伞"), 38, "no", None, True, (
			"Windproof automatic umbrella with a 105 cm canopy printed with {g} graphics.",
			"Parapluie automatique anti-vent de 105 cm de diamètre, imprimé de motifs {g}.",
			"{g}グラフィックをプリントした、耐風仕様の自動開閉傘（直径105cm）。",
			"{g} 그래픽이 프린트된 방풍 자동 우산(지름 105cm)입니다.",
			"防风自动伞，伞面直径105厘米，印有{g}图案。")),
		t("socks", ("Sports Socks", "Chaussettes de sport", "スポーツソックス", "스포츠 양말", "运动袜"), 16, "opt", None, True, (
			"Pair of cushioned sports socks with a {g} jacquard. One size, fits EU 39–46.",
			"Paire de chaussettes de sport rembourrées avec jacquard {g}. Taille unique, du 39 au 46.",
			"{g}のジャカード柄入りクッションスポーツソックス。フリーサイズ（25〜29cm）です。",
			"{g} 자카드 패턴이 들어간 쿠션 스포츠 양말 1켤레입니다. 프리사이즈(250–290mm)입니다.",
			"{g}提花缓震运动袜一双，均码（39–46码）。")),
		t("gloves", ("Knitted Gloves", "Gants en maille", "ニット手袋", "니트 장갑", "针织手套"), 32, "no", "WINTER", True, (
			"Touchscreen-compatible knitted gloves with a {g} jacquard cuff.",
			"Gants en maille compatibles écrans tactiles, poignet jacquard {g}.",
			"{g}ジャカードの袖口付き、タッチスクリーン対応ニット手袋。",
			"{g} 자카드 커프가 있는 터치스크린 호환 니트 장갑입니다.",
			"可触屏针织手套，袖口为{g}提花。")),
		t("phone-case", ("Phone Case", "Coque de téléphone", "スマホケース", "휴대폰 케이스", "手机壳"), 28, "no", None, True, (
			"Slim shock-absorbing phone case with a {g} print. Fits most 6.1-inch smartphones.",
			"Coque de téléphone fine et antichoc, imprimé {g}. Compatible avec la plupart des smartphones 6,1 pouces.",
			"{g}プリントの薄型耐衝撃スマホケース。6.1インチの主要スマートフォンに対応しています。",
			"{g} 프린트가 들어간 슬림 충격 흡수 휴대폰 케이스입니다. 대부분의 6.1인치 스마트폰에 맞습니다.",
			"{g}印花轻薄防摔手机壳，适配大多数6.1英寸智能手机。")),
		t("wristbands", ("Wristbands", "Poignets éponge", "リストバンド", "손목 밴드", "护腕"), 9, "opt", None, True, (
			"Pair of terry-cloth wristbands with an embroidered {g} logo.",
			"Paire de poignets éponge avec logo {g} brodé.",
			"{g}ロゴ刺繍入りのパイル地リストバンド2個セット。",
			"{g} 로고 자수가 들어간 테리 손목 밴드 2개 세트입니다.",
			"毛巾布护腕一对，饰有{g}刺绣标志。")),
	],
	"pins-badges": [
		t("pin", ("Pin", "Pin's", "ピンバッジ", "핀 배지", "徽章"), 12, "opt", None, False, (
			"Die-struck metal pin with a gold finish and a rubber clutch, showing the {g} emblem.",
			"Pin's en métal frappé à finition dorée, fermoir en caoutchouc, à l'emblème {g}.",
			"{g}のエンブレムをかたどった、ゴールド仕上げの型抜きメタルピン。ラバーキャッチ付きです。",
			"{g} 엠블럼을 담은 골드 마감 금속 핀 배지로, 고무 잠금장치가 있습니다.",
			"金色金属冲压徽章，配橡胶扣，图案为{g}会徽。")),
		t("pin-set", ("Pin Set", "Coffret de pin's", "ピンバッジセット", "핀 배지 세트", "徽章套装"), 35, "no", None, False, (
			"Collector's set of five enamel pins celebrating {g}, presented in a numbered gift box.",
			"Coffret collector de cinq pin's émaillés célébrant {g}, présenté dans une boîte numérotée.",
			"{g}を記念した5個入りのエナメルピンセット。シリアルナンバー入りのギフトボックスに収めています。",
			"{g} 기념 에나멜 핀 5개 컬렉터 세트로, 넘버링된 선물 상자에 담겨 있습니다.",
			"纪念{g}的珐琅徽章收藏套装，共五枚，附编号礼盒。")),
		t("enamel-pin", ("Enamel Pin", "Pin's émaillé", "エナメルピン", "에나멜 핀", "珐琅徽章"), 15, "opt", None, False, (
			"Hard-enamel pin with polished edges and a double post for a secure fit. Part of the {g} collection.",
			"Pin's en émail dur aux bords polis, double attache pour un maintien sûr. Collection {g}.",
			"エッジを磨き上げたハードエナメルピン。ダブルピンでしっかり固定できます。{g}コレクションの一品です。",
			"가장자리를 광택 처리한 하드 에나멜 핀으로, 이중 고정 핀으로 단단히 고정됩니다. {g} 컬렉션 제품입니다.",
			"硬珐琅徽章，边缘抛光，双针固定更牢靠。属于{g}系列。")),
		t("patch", ("Embroidered Patch", "Écusson brodé", "刺繍ワッペン", "자수 패치", "刺绣布贴"), 10, "opt", None, False, (
			"Embroidered iron-on patch with the {g} emblem, for jackets and bags.",
			"Écusson brodé thermocollant à l'emblème {g}, pour vestes et sacs.",
			"{g}のエンブレムをあしらったアイロン接着式の刺繍ワッペン。ジャケットやバッグにどうぞ。",
			"{g} 엠블럼이 들어간 다림질 부착식 자수 패치로, 재킷이나 가방에 활용하기 좋습니다.",
			"{g}会徽刺绣布贴，可熨烫，适用于夹克和背包。")),
	],
	"mascots-plush": [
		t("mascot-plush", ("Mascot Plush", "Peluche mascotte", "マスコットぬいぐるみ", "마스코트 인형", "吉祥物毛绒玩具"), 28, "no", None, False, (
			"Soft plush {m}, the mascot of {g}, about 25 cm tall. Embroidered eyes, suitable from birth.",
			"{m}, la mascotte {gde}, en peluche toute douce d'environ 25 cm. Yeux brodés, convient dès la naissance.",
			"{g}のマスコット「{m}」のやわらかなぬいぐるみ（高さ約25cm）。目は刺繍なので、0歳から安心です。",
			"{g} 마스코트 {m}의 부드러운 봉제 인형(높이 약 25cm)입니다. 눈이 자수로 되어 있어 신생아부터 사용할 수 있습니다.",
			"{g}吉祥物{m}的柔软毛绒玩偶，高约25厘米。刺绣眼睛，适合0岁以上。")),
		t("giant-plush", ("Giant Mascot Plush", "Peluche géante mascotte", "マスコットぬいぐるみ（特大）", "마스코트 대형 인형", "吉祥物大号毛绒玩具"), 65, "no", None, False, (
			"Giant 50 cm plush of {m}, the {g} mascot, with plush-stitched details.",
			"{m}, la mascotte {gde}, en peluche géante de 50 cm aux détails cousus.",
			"{g}のマスコット「{m}」の特大ぬいぐるみ（約50cm）。細部まで丁寧に縫製しています。",
			"{g} 마스코트 {m}의 50cm 대형 봉제 인형으로, 디테일까지 꼼꼼하게 봉제했습니다.",
			"{g}吉祥物{m}的50厘米大号毛绒玩偶，细节精致缝制。")),
		t("mascot-keychain", ("Mascot Keychain", "Porte-clés mascotte", "マスコットキーホルダー", "마스코트 키링", "吉祥物钥匙扣"), 12, "no", None, False, (
			"Mini plush keychain of {m}, the {g} mascot, with a metal clasp.",
			"Porte-clés en peluche miniature {m}, mascotte {gde}, avec mousqueton en métal.",
			"{g}マスコット「{m}」のミニぬいぐるみキーホルダー。金属製のナスカン付きです。",
			"{g} 마스코트 {m} 미니 인형 키링으로, 금속 고리가 달려 있습니다.",
			"{g}吉祥物{m}迷你毛绒钥匙扣，配金属挂扣。")),
		t("mascot-figurine", ("Mascot Figurine", "Figurine mascotte", "マスコットフィギュア", "마스코트 피규어", "吉祥物摆件"), 30, "no", None, False, (
			"Hand-painted resin figurine of {m}, the {g} mascot, on a display base (10 cm).",
			"Figurine en résine peinte à la main représentant {m}, mascotte {gde}, sur socle (10 cm).",
			"{g}マスコット「{m}」の手彩色レジンフィギュア（10cm）。台座付きです。",
			"{g} 마스코트 {m}의 수작업 채색 레진 피규어(10cm)로, 받침대가 포함되어 있습니다.",
			"{g}吉祥物{m}手绘树脂摆件，高10厘米，附展示底座。")),
		t("animal-plush", ("Plush", "Peluche", "ぬいぐるみ", "인형", "毛绒玩具"), 30, "no", None, False, (
			"Cuddly {m} plush in soft recycled fibres, about 30 cm, wearing a {g} scarf.",
			"Peluche {m} toute douce en fibres recyclées, environ 30 cm, avec son écharpe {g}.",
			"{g}のマフラーを巻いた、リサイクル繊維のふわふわ{m}ぬいぐるみ（約30cm）。",
			"{g} 목도리를 두른 재생 섬유 소재의 포근한 {m} 인형(약 30cm)입니다.",
			"柔软再生纤维{m}毛绒玩具，约30厘米，围着{g}围巾。")),
	],
	"posters-prints": [
		t("poster", ("Poster", "Affiche", "ポスター", "포스터", "海报"), 25, "opt", None, False, (
			"Official {g} poster printed on 200 g/m² matte paper, 50 × 70 cm. Shipped rolled in a tube.",
			"Affiche officielle {g} imprimée sur papier mat 200 g/m², 50 × 70 cm. Expédiée roulée dans un tube.",
			"200g/m²のマット紙に印刷した{g}公式ポスター（50×70cm）。筒に入れて丸めた状態でお届けします。",
			"200g/m² 무광지에 인쇄한 {g} 공식 포스터(50 × 70cm)입니다. 원통에 말아서 배송됩니다.",
			"{g}官方海报，200克哑光纸印刷，50×70厘米，卷筒包装寄送。")),
		t("art-print", ("Art Print", "Estampe d'art", "アートプリント", "아트 프린트", "艺术版画"), 60, "opt", None, False, (
			"Limited-edition giclée print of the {g} look on cotton rag paper, 40 × 50 cm, hand-numbered.",
			"Estampe giclée en édition limitée reprenant l'identité visuelle {gde}, sur papier chiffon de coton, 40 × 50 cm, numérotée à la main.",
			"{g}のビジュアルを再現した限定版ジクレー・アートプリント。コットンラグ紙、40×50cm、手書きのシリアルナンバー入りです。",
			"{g} 비주얼 아이덴티티를 담은 한정판 지클레 아트 프린트입니다. 코튼 래그지, 40 × 50cm, 핸드 넘버링.",
			"限量版艺术微喷版画，再现{g}视觉形象，棉浆纸印制，40×50厘米，手写编号。")),
		t("picto-poster", ("Pictogram Poster", "Affiche pictogramme", "ピクトグラムポスター", "픽토그램 포스터", "运动图标海报"), 28, "req", None, False, (
			"Poster of the {g} sport pictogram, 30 × 40 cm, printed with archival inks.",
			"Affiche du pictogramme sportif {gde}, 30 × 40 cm, imprimée avec des encres de conservation.",
			"{g}の競技ピクトグラムをデザインしたポスター（30×40cm）。耐光性の高いアーカイバルインクで印刷しています。",
			"{g} 종목 픽토그램 포스터(30 × 40cm)로, 보존용 잉크로 인쇄했습니다.",
			"{g}运动图标海报，30×40厘米，采用档案级耐久油墨印刷。")),
		t("framed-print", ("Framed Print", "Affiche encadrée", "額装アートプリント", "액자 프린트", "装裱版画"), 95, "opt", None, True, (
			"Framed print in a solid oak frame with museum glass, 30 × 40 cm, ready to hang. A tribute to {g}.",
			"Affiche encadrée dans un cadre en chêne massif avec verre musée, 30 × 40 cm, prête à accrocher. Un hommage {gde}.",
			"無垢オーク材のフレームと美術館仕様のガラスを使った額装プリント（30×40cm）。届いてすぐに飾れる、{g}を記念した一枚です。",
			"원목 오크 액자와 뮤지엄 글라스를 사용한 액자 프린트(30 × 40cm)로, 바로 걸 수 있습니다. {g} 기념 작품입니다.",
			"实木橡木框装裱版画，配博物馆级玻璃，30×40厘米，到手即可悬挂。致敬{g}。")),
		t("postcards", ("Postcard Set", "Lot de cartes postales", "ポストカードセット", "엽서 세트", "明信片套装"), 14, "no", None, False, (
			"Set of 12 postcards with archive photographs and artwork from {g}.",
			"Lot de 12 cartes postales avec photographies d'archives et illustrations {gde}.",
			"{g}のアーカイブ写真とアートワークを収めたポストカード12枚セット。",
			"{g} 아카이브 사진과 아트워크를 담은 엽서 12장 세트입니다.",
			"12张明信片套装，收录{g}的档案照片与艺术作品。")),
	],
	"drinkware": [
		t("mug", ("Mug", "Mug", "マグカップ", "머그컵", "马克杯"), 18, "opt", None, True, (
			"Stoneware mug (350 ml) with a wraparound {g} design. Dishwasher and microwave safe.",
			"Mug en grès (350 ml) avec un motif {g} tout autour. Compatible lave-vaisselle et micro-ondes.",
			"{g}デザインを全面にあしらった炻器のマグカップ（350ml）。食洗機・電子レンジに対応しています。",
			"{g} 디자인이 한 바퀴 둘러진 석기 머그컵(350ml)입니다. 식기세척기와 전자레인지 사용이 가능합니다.",
			"炻瓷马克杯（350毫升），杯身环绕{g}图案，可用洗碗机和微波炉。")),
		t("insulated-bottle", ("Insulated Bottle", "Gourde isotherme", "保温ボトル", "보온 보틀", "保温水壶"), 35, "no", None, True, (
			"Double-walled stainless steel bottle (500 ml) that keeps drinks cold for 24 hours or hot for 12. Laser-etched {g} logo.",
			"Gourde isotherme en acier inoxydable à double paroi (500 ml) : 24 heures au frais ou 12 heures au chaud. Logo {g} gravé au laser.",
			"冷たさ24時間・温かさ12時間をキープする真空二重構造のステンレスボトル（500ml）。{g}ロゴをレーザー刻印しています。",
			"차가운 음료는 24시간, 따뜻한 음료는 12시간 유지하는 이중벽 스테인리스 보틀(500ml)입니다. {g} 로고가 레이저 각인되어 있습니다.",
			"双层不锈钢保温水壶（500毫升），保冷24小时、保温12小时，激光雕刻{g}标志。")),
		t("water-bottle", ("Sports Bottle", "Gourde de sport", "スポーツボトル", "스포츠 보틀", "运动水壶"), 22, "opt", None, True, (
			"BPA-free sports bottle (750 ml) with a one-hand flip cap, printed with {g} graphics.",
			"Gourde de sport sans BPA (750 ml) à bouchon clapet, ornée de motifs {g}.",
			"片手で開けられるフリップキャップ付き、BPAフリーのスポーツボトル（750ml）。{g}グラフィック入りです。",
			"한 손으로 여는 플립 캡이 달린 BPA 프리 스포츠 보틀(750ml)로, {g} 그래픽이 프린트되어 있습니다.",
			"不含双酚A的运动水壶（750毫升），单手翻盖，印有{g}图案。")),
		t("tumbler", ("Travel Tumbler", "Mug de voyage", "タンブラー", "텀블러", "随行杯"), 30, "no", None, True, (
			"Leak-proof travel tumbler (400 ml) with a sliding lid, finished in {g} colours.",
			"Mug de voyage étanche (400 ml) à couvercle coulissant, aux couleurs {gde}.",
			"スライド式のふたが付いた漏れにくいタンブラー（400ml）。{g}カラーで仕上げました。",
			"슬라이드 뚜껑이 달린 새지 않는 텀블러(400ml)로, {g} 컬러로 마감했습니다.",
			"防漏随行杯（400毫升），滑盖设计，采用{g}配色。")),
		t("espresso-cups", ("Espresso Cups (Set of 2)", "Tasses à expresso (lot de 2)", "エスプレッソカップ2客セット", "에스프레소 잔 2개 세트", "浓缩咖啡杯两件套"), 28, "no", None, False, (
			"Pair of porcelain espresso cups with saucers, decorated with {g} motifs.",
			"Deux tasses à expresso en porcelaine avec soucoupes, décorées de motifs {g}.",
			"{g}のモチーフをあしらった、ソーサー付き磁器エスプレッソカップ2客セット。",
			"{g} 모티프로 장식한 받침 포함 도자기 에스프레소 잔 2개 세트입니다.",
			"一对带碟瓷质浓缩咖啡杯，饰有{g}图案。")),
	],
	"home": [
		t("throw", ("Throw Blanket", "Plaid", "ブランケット", "담요", "毛毯"), 65, "no", None, True, (
			"Woven cotton throw, 130 × 170 cm, with a jacquard {g} pattern and fringed edges.",
			"Plaid en coton tissé, 130 × 170 cm, motif jacquard {g} et bords frangés.",
			"{g}柄をジャカード織りで表現したコットンブランケット（130×170cm）。縁はフリンジ仕上げです。",
			"{g} 패턴을 자카드로 짜 넣은 면 담요(130 × 170cm)로, 가장자리는 술 장식입니다.",
			"棉质提花毛毯，130×170厘米，{g}图案，流苏饰边。")),
		t("cushion", ("Cushion", "Coussin", "クッション", "쿠션", "靠垫"), 40, "opt", None, True, (
			"Square cushion, 45 × 45 cm, with a removable printed cover featuring {g} artwork.",
			"Coussin carré de 45 × 45 cm, housse amovible imprimée d'une illustration {g}.",
			"{g}のアートワークをプリントした、取り外し可能なカバー付きの45×45cmスクエアクッション。",
			"{g} 아트워크가 프린트된 분리형 커버의 45 × 45cm 정사각 쿠션입니다.",
			"45×45厘米方形靠垫，可拆洗印花套，饰有{g}艺术图案。")),
		t("beach-towel", ("Beach Towel", "Serviette de plage", "ビーチタオル", "비치 타월", "沙滩浴巾"), 38, "opt", "SUMMER", True, (
			"Large cotton velour beach towel, 90 × 170 cm, printed with a {g} design.",
			"Grande serviette de plage en velours de coton, 90 × 170 cm, imprimée d'un motif {g}.",
			"{g}デザインをプリントした大判のコットンベロアビーチタオル（90×170cm）。",
			"{g} 디자인이 프린트된 대형 면 벨루어 비치 타월(90 × 170cm)입니다.",
			"大号棉质丝绒沙滩浴巾，90×170厘米，印有{g}图案。")),
		t("tea-towel", ("Tea Towel", "Torchon", "ティータオル", "키친 타월", "茶巾"), 15, "no", None, True, (
			"Linen-cotton tea towel with a printed {g} illustration.",
			"Torchon en lin et coton, illustration {g} imprimée.",
			"{g}のイラストをプリントしたリネンコットンのティータオル。",
			"{g} 일러스트가 프린트된 린넨 면 키친 타월입니다.",
			"亚麻棉茶巾，印有{g}插画。")),
		t("snow-globe", ("Snow Globe", "Boule à neige", "スノードーム", "스노우볼", "水晶球"), 28, "no", "WINTER", False, (
			"Glass snow globe with a mountain scene from {g}, on a wooden base.",
			"Boule à neige en verre avec un paysage de montagne {gde}, sur socle en bois.",
			"{g}の山岳風景を閉じ込めた、木製台座付きのガラス製スノードーム。",
			"{g}의 산악 풍경을 담은 유리 스노우볼로, 나무 받침대가 있습니다.",
			"玻璃水晶球，内含{g}雪山景观，木质底座。")),
		t("ornament", ("Glass Ornament", "Décoration en verre", "ガラスオーナメント", "유리 오너먼트", "玻璃挂饰"), 22, "no", None, False, (
			"Hand-decorated glass ornament with the {g} emblem, in a gift box.",
			"Décoration en verre peinte à la main, à l'emblème {g}, dans un coffret cadeau.",
			"{g}のエンブレムを手描きしたガラスオーナメント。ギフトボックス入りです。",
			"{g} 엠블럼을 손으로 장식한 유리 오너먼트로, 선물 상자에 담겨 있습니다.",
			"手工装饰玻璃挂饰，饰有{g}会徽，附礼盒。")),
	],
}

# Sentences appended to descriptions
SPORT_SENTENCE = (
	"Made for {s} fans.",
	"Pour les passionnés {sde}.",
	"{s}ファンにおすすめです。",
	"{s} 팬을 위한 디자인입니다.",
	"{szh}的理想之选。",
)
LICENSED_SENTENCE = (
	"Officially licensed product.",
	"Produit sous licence officielle.",
	"公式ライセンス商品です。",
	"공식 라이선스 상품입니다.",
	"官方授权商品。",
)
TEAM_SENTENCE = (
	"Official {t} supporter merchandise.",
	"Produit officiel de supporter {tde}.",
	"{t}の公式応援グッズです。",
	"{t} 공식 응원 상품입니다.",
	"{t}官方助威商品。",
)
