/**
 * The report's vocabulary in Chinese and English, one Korean word per line:
 * `korean | chinese, … | english, …` (read by lexicon.ts; either list may be empty).
 *
 * Provenance: every Hangul word of the June 2025 issue that is not in the seed glossary (2,703
 * particle-stripped words, with their frequency and a snippet of context), translated word by word
 * for this project; fragments, function words, Korean personal names and Chinese names whose
 * original was not certain were left out. No evaluation question was seen while writing it.
 * Some words keep the report's own spelling (역활, 베터리) or a particle (툴을): they are matched
 * as the report prints them. Chinese forms have two characters or more (substring matching).
 */
export const VOCABULARY = `
가교 | 桥梁, 纽带 | bridge
가능 | 可能, 可以 | possible
가능성 | 可能性, 潜力 | possibility, potential
가능하다고 | 可能, 可以 | possible
가능해진다 | 能够, 成为可能 | enable, become possible
가동 | 运行, 启动 | operate, launch
가로막 | 阻碍 | hinder, block
가속 | 加速 | acceleration
가속도 | 加速度 | acceleration, momentum
가속화 | 加速, 加快 | accelerate
가속화시킬 | 加速, 加快 | accelerate
가속화해 | 加速, 加快 | accelerate
가시 | 可见, 显著 | visible, tangible
가오쥐촹신 | 高巨创新 | HighGreat
가오커신눙 | 高科新农 | Gaoke Xinnong
가이드라인 | 指南, 指引 | guideline
가정 | 家庭, 家用 | home, household, family
가정용 | 家用, 家庭 | household, home
가젤 | 瞪羚, 瞪羚企业 | gazelle, gazelle company
가족 | 家庭, 家人 | family
가중 | 加重, 加剧 | aggravate, increase
가치 | 价值 | value
각국 | 各国 | each country
각종 | 各类, 各种 | various
간소화 | 简化 | simplify
간주 | 视为, 看作 | regard
간편 | 简便, 便捷 | simple, convenient
감독 | 监督 | supervision, oversee
감안 | 考虑, 鉴于 | consider
갑자기 | 突然 | suddenly
갑작스러운 | 突发, 突然 | sudden
강도 | 强度 | intensity
강력 | 强大, 有力 | powerful, strong
강력히 | 大力, 有力 | strongly
강요 | 纲要 | outline, program
강인 | 坚固, 强韧 | robust, tough
강점 | 优势 | strength, advantage
강조 | 强调 | emphasize
강조했 | 强调 | emphasize
강화 | 加强, 强化, 增强 | strengthen, enhance
강화시킨다 | 加强, 强化 | strengthen
강화하기 | 加强, 强化 | strengthen
강화하도록 | 加强, 强化 | strengthen
갖추 | 具备 | possess, have
갖추고 | 具备, 具有 | have, be equipped with
갖춘 | 具备, 拥有 | have, possess, equipped
갖춰 | 具备 | have, possess
개념 | 概念 | concept
개막식 | 开幕式 | opening ceremony
개발구 | 开发区 | development zone
개발자 | 开发者 | developer
개발해 | 开发, 研发 | develop
개방 | 开放 | open
개방함 | 开放 | open
개방형 | 开放式, 开放型 | open
개별 | 个别, 单个 | individual
개선 | 改善, 改进 | improve
개요 | 概述, 概况 | overview
개인 | 个人 | individual, personal
개인화 | 个性化 | personalization
개조 | 改造 | transformation, retrofit
개척해왔다 | 开拓, 开辟 | pioneer
개최지 | 举办地 | venue, host city
개편 | 改组, 重组, 调整 | reorganization
개혁 | 改革, 变革 | reform
개회식 | 开幕式 | opening ceremony
갤럭시아 | 星海图 | Galaxea AI
갤봇 | 银河通用 | Galbot
갱신 | 更新 | update
거두고 | 取得 | achieve, gain
거두었다 | 取得 | achieve
거뒀다 | 取得 | achieve
거듭나고 | 蜕变, 转型 | transform
거래 | 交易 | transaction, trade
거리 | 距离 | distance
거버넌스 | 治理 | governance
거세지고 | 加剧 | intensify
거점 | 据点, 基地, 节点 | hub, base
거점이자 | 据点, 基地 | hub, base
건강 | 健康 | health
건강검진 | 体检, 健康检查 | health checkup
건강관리 | 健康管理 | health management, healthcare
건설기계 | 工程机械 | construction machinery
건수 | 数量, 件数 | number of cases, count
걷기 | 行走, 步行 | walk, walking
걸러내 | 过滤, 筛选 | filter
걸림돌 | 障碍, 绊脚石 | obstacle
검사 | 检测, 检查, 检验 | inspection, testing
검진 | 体检, 检查 | checkup, medical examination
게시 | 发布, 发帖 | post
겔봇 | 银河通用 | Galbot
겨냥 | 瞄准, 面向, 针对 | target, aim
격변 | 剧变, 巨变 | upheaval
격차 | 差距 | gap
견고 | 坚实, 稳固 | solid, robust
견인 | 引领, 带动 | drive, lead
견줄 | 媲美, 比肩 | rival, match
결과 | 结果, 成果 | result, outcome
결선 | 决赛 | final
결성 | 组建, 成立 | form, establish
결정 | 决定, 决定性 | decisive, decide
결제 | 支付, 结算 | payment
결함 | 缺陷 | defect
결합 | 结合 | combine
결합해 | 结合 | combine
경고 | 警告 | warn
경남 | 庆南, 庆尚南道 | Gyeongnam, South Gyeongsang
경남은행 | 庆南银行 | BNK Kyongnam Bank
경량형 | 轻量化, 轻型 | lightweight
경력 | 经验, 经历 | experience
경로 | 路线, 路径 | route, path
경북도청 | 庆尚北道厅, 庆北道厅 | Gyeongbuk Provincial Government
경상남도 | 庆尚南道 | South Gyeongsang Province
경상남도창조경제센터 | 庆尚南道创造经济革新中心 | Gyeongnam Center for Creative Economy and Innovation
경상북도 | 庆尚北道 | Gyeongsangbuk-do
경상북도경제진흥원 | 庆尚北道经济振兴院 | Gyeongbuk Economic Promotion Agency
경상북도청 | 庆尚北道厅, 庆尚北道政府 | Gyeongsangbuk-do Provincial Government
경영 | 经营 | management, operation, business
경영관리 | 经营管理 | business management
경쟁사 | 竞争对手, 竞品 | competitor
경쟁자 | 竞争者, 竞争对手 | competitor
경쟁하겠다 | 竞争 | compete
경제 | 经济 | economy
경제권 | 经济圈 | economic circle, economic zone
경제산업 | 经济产业 | economic industry
경제성 | 经济性 | cost-effectiveness, economic efficiency
경제정보국 | 经济和信息化局, 经信局 | economy and information technology bureau
경제체 | 经济体 | economy
경찰 | 警察, 公安 | police
경험 | 体验, 经验 | experience
계기 | 契机 | opportunity, occasion
계량화됨 | 量化 | quantify
계속 | 持续, 继续 | continue
계열 | 旗下, 系列 | affiliate
계정 | 账号, 账户 | account
계층형 | 分层, 层级式 | hierarchical, layered
고객사 | 客户 | client
고공 | 高空 | high-altitude, aerial
고교 | 高中 | high school
고급 | 高端 | high-end
고대역폭 | 高带宽 | high bandwidth
고도 | 先进, 高度 | advanced, altitude
고도화 | 升级, 高端化, 优化升级 | upgrade, advancement
고성능 | 高性能 | high-performance
고수 | 坚持, 坚守 | adhere, stick to
고신구 | 高新区 | high-tech zone
고신기술산업개발센터 | 高新技术产业开发中心, 火炬中心 | high-tech industry development center, Torch Center
고신뢰성 | 高可靠性 | high reliability
고운하 | 古运河 | Ancient Canal
고위험 | 高风险, 高危 | high-risk
고유 | 唯一, 专属, 固有 | unique, inherent
고장 | 故障 | failure, fault
고정형 | 固定式 | fixed
고주파 | 高频 | high frequency
고차 | 高阶 | higher-order
고품질 | 高质量 | high quality
고효율 | 高效, 高效率 | high efficiency
골드 | 黄金 | gold
곳곳 | 各处, 处处 | everywhere
공간 | 空间 | space, spatial
공개 | 公开, 发布 | release, disclose
공고화 | 巩固 | consolidate
공공 | 公共 | public
공공서비스 | 公共服务 | public service
공급사 | 供应商 | supplier
공급업체 | 供应商 | supplier
공동 | 共同, 联合 | joint, common
공동조달 | 联合采购, 集中采购 | joint procurement
공동체 | 共同体 | community
공식 | 正式, 官方 | official, formal
공신부 | 工信部 | MIIT, Ministry of Industry and Information Technology
공역 | 空域 | airspace
공원 | 公园 | park
공유 | 共享 | share
공유하도록 | 共享 | share
공유함 | 共享 | share
공작기계 | 机床 | machine tool
공지 | 公告, 通知 | notice, announcement
공차 | 空车 | empty vehicle
공학기술 | 工程技术 | engineering technology
과거 | 过去 | past
과기정통관 | 科技参赞 | science and technology attaché
과도 | 过度 | excessive
과열 | 过热 | overheating
과잉 | 过剩 | excess, overcapacity
과정 | 过程 | process
과학 | 科学 | science
과학기술교류 | 科技交流 | science and technology exchange
과학기술교류대회 | 科技交流大会 | science and technology exchange conference
과학기술교류회의 | 科技交流会 | science and technology exchange conference
과학기술기업 | 科技企业, 科技型企业 | technology company
과학기술위원회 | 科学技术委员会, 科委 | science and technology commission
과학기술청 | 科学技术厅, 科技厅 | Department of Science and Technology
과학기술혁신국 | 科技创新局 | science and technology innovation bureau
과학기술혁신센터 | 科技创新中心, 科创中心 | science and technology innovation center
과학기술혁신협력구 | 科技创新合作区 | science and technology innovation cooperation zone
과학발전 | 科学发展 | scientific development
과학성 | 科学城 | science city
과학원 | 科学院 | academy of sciences
과학자이자 | 科学家 | scientist
과학혁신 | 科创, 科技创新 | sci-tech innovation, science and technology innovation
관계 | 关系 | relationship
관계자 | 业内人士, 相关人士 | official, insider
관뎬팡우 | 观典防务 | Guandian Defense
관련 | 相关 | related
관련성 | 相关性 | relevance
관리위원회 | 管理委员会, 管委会 | management committee
관성측정장치 | 惯性测量单元, 惯性测量装置 | inertial measurement unit, IMU
관성항법센서 | 惯性导航传感器, 惯性传感器 | inertial navigation sensor, IMU
관심 | 关注 | interest, attention
관여 | 参与 | involve
관제 | 课题, 难题 | challenge, issue
광구 | 光谷 | Optics Valley
광둥성 | 广东省, 广东 | Guangdong
광무 | 广目 | Guangmu
광밍 | 光明 | Guangming
광범위 | 广泛 | broad, extensive
광벨리 | 光谷 | Optics Valley
광업 | 矿业 | mining
광저우자동차그룹 | 广汽集团, 广州汽车集团 | GAC Group
광전송 | 光传输 | optical transmission
광전자 | 光电子 | optoelectronics
광치 | 广汽 | GAC
광치연구원 | 广汽研究院 | GAC Research Institute
광통신망 | 光网络, 光纤网络 | optical network
교류대회 | 交流大会 | exchange conference
교체 | 更换, 更新 | replace
교통 | 交通 | traffic, transportation
교통관리 | 交通管理 | traffic management
구간 | 区间, 环节 | segment, stage
구도 | 格局, 态势 | landscape, pattern
구동 | 驱动 | drive
구분 | 区分, 分类 | classify, distinguish, category
구상 | 构想 | concept, plan
구성 | 构成, 组成 | composition, consist
구심점 | 核心, 中心 | focal point, center
구역 | 区域, 全区 | area, zone
구이저우 | 贵州 | Guizhou
구조 | 结构, 架构 | structure, architecture
구조화 | 结构化 | structured
구체화 | 具体化, 细化 | concretize, materialize
구축하기 | 构建, 建设 | build
구축하도록 | 构建, 建设 | build, establish
구축해 | 构建, 建设 | build
구축해왔다 | 构建, 建立 | build
구현 | 具身, 实现 | embodied, implement
구현체 | 载体 | embodiment, carrier
국가 | 国家 | country, state, national
국가과학센터 | 国家科学中心 | national science center
국가실험실 | 国家实验室 | national laboratory
국가자주혁신구 | 国家自主创新示范区 | national independent innovation demonstration zone
국가자주혁신시범구이자 | 国家自主创新示范区 | national independent innovation demonstration zone
국가중점실험실 | 国家重点实验室 | state key laboratory
국내 | 国内 | domestic
국내외 | 国内外 | domestic and international
국면 | 局面, 格局 | situation, phase
국방 | 国防 | national defense, defense
국산 | 国产 | domestic, domestically produced
국유 | 国有 | state-owned
국제 | 国际 | international
국제과학교육도시 | 国际科教城 | international science and education city
국제기구 | 国际组织 | international organization
국제행사 | 国际活动 | international event
국제화 | 国际化 | internationalization
국한되 | 局限, 限于 | limit, confine
군수 | 军工, 军用 | military
굳히 | 巩固 | consolidate
굴삭기 | 挖掘机 | excavator
궁극적 | 最终 | ultimate
궈보전자 | 国博电子 | Guobo Electronics
권선 | 绕线, 绕组 | winding
권역별 | 分区域, 各区域 | regional, by region
권장 | 鼓励, 倡导 | encourage, recommend
궤적 | 轨迹 | trajectory
귀빈 | 嘉宾, 贵宾 | guest
귀속 | 归属, 归母 | attributable, belong
규범 | 规范 | norm, specification
규정 | 规定, 规范 | regulation, rule
규획 | 规划 | plan, planning
균형 | 平衡 | balance
그래픽 | 图形 | graphics
그룹 | 集团 | group
극대화 | 最大化 | maximize
극복 | 克服 | overcome
극한 | 极端, 极限 | extreme
근본 | 根本 | fundamental
글로벌혁신센터 | 全球创新中心 | Global Innovation Center, KIC
글로벌화 | 全球化, 国际化 | globalization
글루건 | 胶枪 | glue gun
글자 | 文字, 字眼 | character, word
금속소재 | 金属材料 | metal material
금액 | 金额 | amount
금융거래 | 金融交易 | financial transaction
금융기관 | 金融机构 | financial institution
금지 | 禁止 | ban, prohibit
금지하려 | 禁止 | prohibit, ban
금형 | 模具 | mold, die
급감 | 骤降, 锐减 | plunge, drop sharply
기가 | 千兆 | gigabit
기가급 | 千兆 | gigabit
기간 | 期限, 周期, 期间 | period
기계 | 机械 | machinery
기계공장 | 机械厂, 机加工车间 | machine shop
기관 | 机构 | institution
기구학 | 运动学, 机构学 | kinematics, mechanism
기기 | 设备, 装置 | device
기대 | 期待, 预期 | expect, expectation
기대되 | 有望, 预期 | expect
기러기 | 雁阵, 大雁 | wild goose, flying geese
기록 | 记录, 创下 | record
기반 | 基础, 基于 | foundation, basis
기반시설 | 基础设施 | infrastructure
기본 | 基本 | basic
기술개발 | 技术开发, 技术研发 | technology development
기술력 | 技术实力, 技术能力 | technological capability
기술이전사업화 | 技术转移转化, 技术转移 | technology transfer and commercialization
기술자립 | 技术自立, 科技自立自强 | technological self-reliance
기술진 | 技术团队 | technical team
기술집약형 | 技术密集型 | technology-intensive
기술팀 | 技术团队 | technical team
기업간 | 企业间 | inter-company
기업들 | 企业 | company, enterprise
기업별 | 各企业, 分企业 | per company
기여 | 贡献, 助力 | contribute, contribution
기점 | 起点 | starting point
기조 | 主旨, 基调 | keynote
기존 | 现有, 原有 | existing
기종 | 机型, 型号 | model
기준 | 基准, 标准 | standard, basis
기지 | 基地 | base
기체 | 机体, 飞行器 | airframe, aircraft
기초 | 基础 | basic, foundation
기타 | 其他 | other
기회 | 机遇, 机会 | opportunity
기획 | 规划, 策划 | planning, plan
긴급 | 紧急, 应急 | emergency
긴밀 | 紧密, 密切 | close, tight
길을 | 道路 | path, way
깊은 | 深度, 深入, 深层 | deep, in-depth
깊이 | 深度, 深入 | depth, deep
까다로운 | 严格, 苛刻 | strict, demanding
까오칭지뎬 | 高擎机电 | Gaoqing Electromechanical
깨고 | 打破 | break
꾸준히 | 持续, 不断, 稳步 | steadily, consistently
끌어들이 | 吸引 | attract
끌어올리며 | 提升, 提高 | raise, boost
끌어올릴 | 提升, 提高 | raise, boost
나노 | 纳米 | nano
나노급 | 纳米级 | nanometer-class
나뉘며 | 分为 | divide
나뉜다 | 分为 | divide
나란히 | 并肩, 比肩 | side by side
나섰다 | 着手, 进军 | embark, move into
나은 | 更好 | better
난방 | 供暖, 采暖 | heating
난퉁 | 南通 | Nantong
납품 | 交付, 交货 | delivery
낭비 | 浪费 | waste
낮아 | 较低 | low
낮아질 | 降低, 下降 | decrease, lower
낮추고 | 降低 | lower, reduce
낮추기 | 降低 | lower, reduce
내과 | 内科 | internal medicine
내구성 | 耐用性, 耐久性 | durability
내부 | 内部 | internal
내비게이션 | 导航 | navigation
내수 | 内需, 国内 | domestic
내용 | 内容 | content
내재 | 内在, 内生 | intrinsic
내재화 | 自主化, 内化 | internalization
냉각수 | 冷却水, 冷却液 | coolant, cooling water
냉간 | 冷焊, 冷加工 | cold, cold working
냉장유통 | 冷链, 冷链物流 | cold chain
넓은 | 广阔, 广泛 | wide, broad
넓혔다 | 扩大, 拓宽 | expand, broaden
넘는 | 超过, 以上 | over, exceed, more than
넘어 | 超越, 超过 | beyond, exceed
넘어서 | 超越, 超过 | go beyond, exceed
넘어설 | 超过, 超越 | surpass
넘어섰고 | 突破, 超过 | exceed
넘어섰다 | 突破, 超过 | exceed, surpass
넘을 | 超过 | exceed
넝커테크 | 能科科技 | Nengke Technology
네트워킹 | 组网, 网络化 | networking
년도 | 年度 | year
노력 | 努力 | effort
노선 | 航线, 线路 | route
노이즈 | 噪声, 噪音 | noise
노인 | 老人, 老年人 | elderly, senior
노출 | 曝光 | exposure
노하우 | 经验, 诀窍 | know-how
녹록 | 容易, 轻松 | easy
녹색 | 绿色 | green
녹아든 | 融入 | blend in
논리 | 逻辑 | logic
논문 | 论文 | paper, thesis
논의 | 讨论, 探讨 | discuss
높은 | 较高, 高度 | high
높이 | 提高, 提升 | raise, increase
높이게 | 提升, 提高 | raise, increase
높이고 | 提高, 提升 | raise, increase
누적 | 累计 | cumulative
뉴스 | 新闻 | news
뉴욕증시 | 纽约股市, 纽交所 | New York Stock Exchange
능가 | 超越, 超过 | surpass
능동 | 主动 | proactive
능동형 | 主动式, 主动 | active, proactive
능력 | 能力 | capability, ability
니즈 | 需求 | need, demand
다각 | 多元, 多方面 | multifaceted, diversified
다롄수출입박람회 | 大连进出口商品交易会, 大连交易会 | Dalian Import and Export Fair
다른 | 不同, 其他 | different, other
다변화 | 多元化, 多样化 | diversification
다수 | 多数, 众多 | many, majority
다양 | 多样, 多种 | diverse, various
다오퉁 | 道通智能, 道通 | Autel Robotics
다오퉁지능 | 道通智能 | Autel Robotics
다원화 | 多元化 | diversification
다져가고 | 夯实, 巩固 | consolidate
다졌다 | 夯实, 奠定 | lay, consolidate
다족형 | 多足 | multi-legged, legged
다중 | 多重, 多个 | multiple
다중센서 | 多传感器 | multi-sensor
다지 | 夯实, 巩固 | consolidate
다층 | 多层 | multi-layer
다학제 | 多学科, 跨学科 | multidisciplinary
다형태 | 多形态 | multi-form
다화주식 | 大华股份 | Dahua Technology
단가 | 单价, 成本 | unit price, unit cost
단결정 | 单晶 | single crystal
단계 | 阶段 | stage, phase
단계별 | 分阶段, 分步骤 | phased, step-by-step
단말기 | 终端 | terminal, device
단순 | 简单, 单纯 | simple, mere
단순히 | 仅仅, 单纯 | simply, merely
단위 | 单位, 层面 | unit, level
단일 | 单一 | single
단점 | 缺点, 短板 | disadvantage, weakness
단지 | 园区, 产业园 | park, industrial park
단축됨 | 缩短 | shorten
단축시키는데 | 缩短 | shorten
단행 | 实施, 推行 | carry out, implement
달성 | 实现, 达到, 达成 | achieve, reach
달하며 | 达到 | reach
달했다 | 达到 | reach
달했으며 | 达到 | reach
담당 | 负责, 承担 | be in charge, handle
담당자 | 负责人 | person in charge
당대회 | 党代会 | party congress
대거 | 大举, 大批 | en masse, in large numbers
대구경 | 大尺寸, 大直径 | large-diameter
대규모 | 大规模 | large-scale
대금 | 货款, 账款 | payment
대기업 | 大企业, 大型企业 | large enterprise
대담 | 大胆 | bold
대당 | 每辆, 单车 | per vehicle, per unit
대도시 | 大城市 | big city
대등 | 平等, 对等 | equal, on par
대량 | 大量, 批量 | mass, large quantity
대리점 | 经销商, 代理店 | dealer, dealership
대면 | 面对面, 线下 | face-to-face
대비 | 相比, 对比 | compared, contrast
대상 | 对象, 针对 | target, subject
대세 | 大势, 潮流 | trend
대열식 | 雁阵式, 梯队式 | formation
대응 | 应对, 响应 | response, respond
대응력 | 响应能力, 应对能力 | responsiveness
대중국 | 对华 | toward China
대체 | 替代 | replace, substitute
대통합 | 大整合, 大合并 | major consolidation
대학교 | 大学 | university
대한민국 | 大韩民国, 韩国 | Republic of Korea, South Korea
대한민국주중국대사관 | 韩国驻华大使馆 | Korean Embassy in China
대형 | 大型 | large, large-scale
대화 | 对话 | dialogue
대화형 | 对话式, 交互式 | conversational, interactive
더사이배터리 | 德赛电池 | Desay Battery
덮개 | 盖板, 盖子 | cover, lid
데이터만 | 数据 | data
데이터베이스 | 数据库 | database
도구 | 工具 | tool
도달 | 达到 | reach
도매업 | 批发业 | wholesale
도시군 | 城市群 | city cluster, urban agglomeration
도심항공모빌리티 | 城市空中交通 | urban air mobility, UAM
도약 | 跃升, 飞跃 | leap
도어 | 车门 | door
도요타 | 丰田 | Toyota
도입 | 引入, 导入 | introduce, adopt
도입해 | 引入 | introduce
도전 | 挑战 | challenge
도출 | 取得, 得出 | derive, achieve
도포 | 涂胶, 涂装 | coating, glue dispensing
도표 | 图表 | chart, figure
독립 | 独立 | independent
독보 | 独一无二, 领先 | unrivaled, unique
독자 | 自主, 独立 | independent, proprietary
독점 | 垄断 | monopoly
돈은 | 金钱, 资金 | money
돈을 | 资金, 金钱 | money
돌기 | 凸焊, 凸起 | projection, projection welding
돌입 | 进入, 启动, 着手 | enter, begin, launch
돌파 | 突破 | breakthrough
돌파구 | 突破口, 突破 | breakthrough
돕는 | 帮助 | help
돕는다 | 帮助 | help
동남권 | 东南圈, 东南地区 | southeast region
동남아시아 | 东南亚 | Southeast Asia
동등 | 同等, 相当 | equivalent, equal
동력 | 动力, 动能 | driving force, momentum
동시 | 同时 | simultaneous
동아리 | 社团 | club
동작 | 动作 | motion, movement
동향 | 动态, 动向, 趋势 | trend
두도시 | 双城 | twin city, two cities
두산에너빌리티 | 斗山 | Doosan Enerbility
둘러싼 | 围绕 | surrounding, around
둥펑 | 东风 | Dongfeng
둥펑자동차 | 东风汽车 | Dongfeng Motor
둥후 | 东湖 | Donghu, East Lake
둥후자주혁신구 | 东湖自创区, 东湖国家自主创新示范区 | Donghu Innovation Zone, East Lake National Independent Innovation Demonstration Zone
뒤바꿀 | 颠覆, 改变 | reshape, overturn
뒤처지며 | 落后 | lag behind
뒷받침 | 支撑, 支持 | support
드러내고 | 展现, 显示 | show, reveal
등급 | 等级 | grade, level
등급별 | 分级 | by grade, tiered
등록 | 登记, 注册 | registration, register
등장 | 出现, 登场 | emergence, appear
등재 | 入选, 列入 | list, be listed
디렉터리 | 目录 | directory, catalog
디바이스 | 设备, 终端 | device
디지털 | 数字, 数字化 | digital
따라가면서 | 跟随, 追随 | follow
뚜렷 | 明显, 显著 | clear, distinct
뚜렷하다 | 明显, 显著 | clear, evident
뛰어난 | 出色, 优秀, 卓越 | excellent, outstanding
뛰어넘고 | 超越, 超出 | exceed
뛰어들고 | 进军, 涌入 | enter, jump into
라벨링 | 标注 | labeling, annotation
라이다 | 激光雷达 | lidar
라이브러리 | 资源库, 场景库 | library
라인 | 生产线, 产线 | line, production line
란뎬추콩 | 蓝点触控 | Landian Chukong
러다오 | 乐道 | Onvo
러디전자 | 乐迪电子 | Radiolink
러창 | 乐仓 | Lecang
런민망 | 人民网 | People's Daily Online
레이뎬웨이리 | 雷电微力 | Leidian Weili
레이저 | 激光 | laser
로드맵 | 路线图, 技术路线 | roadmap
로보틱스 | 机器人学, 机器人技术 | robotics
로보틱스기술주식유한공사 | 机器人技术股份有限公司 | robotics technology co., ltd.
로봇공학 | 机器人学 | robotics
로봇기술 | 机器人技术 | robot technology
로봇대세계 | 机器人大世界 | Robot World
로봇대회 | 机器人大会 | robot conference
로봇용 | 机器人用 | robotic, for robots
로직 | 逻辑 | logic
로컬 | 本土, 本地 | local
롤프 | 罗尔夫 | Rolf
롱취안이구 | 龙泉驿区 | Longquanyi District
루시허 | 鹿溪河 | Luxi River
루트 | 路径, 途径 | route, path
룽탄 | 龙潭 | Longtan
뤄셴즈 | 吕先志 | Lü Xianzhi
르징중원망 | 日经中文网 | Nikkei Chinese
리그 | 联赛 | league
리서치 | 研究, 调研 | research
리소스 | 资源 | resource
리스크 | 风险 | risk
리스트 | 清单, 名单 | list
리콩테크 | 力控科技 | Likong Technology
리튬 | 锂电, 锂电池 | lithium
린강 | 临港 | Lingang
링두즈쿵 | 零度智控 | Zerotech
마련 | 制定, 建立, 筹备 | prepare, establish
마무리 | 收尾, 完成 | wrap up, finalize
마이닝 | 挖掘 | mining
마이스졔 | 麦思捷 | Maisijie
마케팅 | 营销, 市场营销 | marketing
막대 | 巨大, 庞大 | enormous
만들어 | 打造, 创造 | create, make
만들어낼 | 创造, 打造 | create
만족 | 满足 | satisfy
많은 | 很多, 大量 | many
말레이시아 | 马来西亚 | Malaysia
맞춤 | 定制 | customized
맞춤형 | 定制, 个性化, 量身定制 | customized, tailored
매개체 | 媒介, 载体 | medium, carrier
매월 | 每月 | monthly
매칭 | 匹配, 对接 | matching
매트릭스 | 矩阵 | matrix
맥슨 |  | Maxon
머무를 | 停留 | remain, stay
머물고 | 停留 | remain, stay
멀티모달 | 多模态 | multimodal
메모리 | 存储器, 内存, 存储 | memory
메이르징지신원 | 每日经济新闻 | National Business Daily
메이저 | 主要, 大型 | major
메이커 | 制造商, 厂商 | maker, manufacturer
메인 | 主要, 主营 | main
메커니즘 | 机制 | mechanism
명령 | 指令, 命令 | command
명시 | 明确, 写入 | specify, state explicitly
명시되었 | 写入, 明确提出 | specify, state explicitly
명실상부 | 名副其实 | veritable, truly
명칭 | 名称 | name
명확 | 明确 | clear
명확화 | 明确 | clarify, clarification
명확히 | 明确 | clearly
모듈 | 模块 | module
모듈화 | 模块化 | modularization, modular
모범 | 示范, 标杆, 典范 | model, exemplary, benchmark
모사 | 模仿, 模拟 | imitate, mimic
모사함 | 模拟, 模仿 | simulate, imitate
모색 | 探索, 寻求 | explore, seek
모색해 | 探索 | explore
모션 | 动作, 动作捕捉 | motion, motion capture
모습 | 场景, 面貌 | appearance, scene
모회사 | 母公司 | parent company
몰입형 | 沉浸式 | immersive
몸체 | 本体, 机身 | body
무너졌고 | 崩溃, 瓦解 | collapse
무대 | 舞台 | stage
무역 | 贸易 | trade
무인배송 | 无人配送 | unmanned delivery
무인이동 | 无人移动 | unmanned mobility
무인판매 | 无人售货, 无人零售 | unmanned retail
무작정 | 盲目 | blindly
문서 | 文件 | document
문진 | 问诊 | consultation, inquiry
문화예술 | 文化艺术 | culture and art
물건 | 物品, 东西 | object, item
물류공급망관리연구소 | 物流与供应链管理研究所 | Institute of Logistics and Supply Chain Management
물류기술 | 物流技术 | logistics technology
물리 | 物理 | physics, physical
물체 | 物体 | object
미들 | 中游 | midstream, middle
미들웨어 | 中间件 | middleware
미디어 | 媒体 | media
미래 | 未来 | future
미래산업 | 未来产业 | future industry
미리 | 提前, 预先 | in advance
미친다 | 影响 | affect, exert
미팅 | 会谈, 洽谈 | meeting
미화 | 美化 | beautification
미흡하다 | 不足, 欠缺 | insufficient, inadequate
밀도 | 密度 | density
밀집 | 密集, 集聚 | dense, concentrated
밍투 | 明途 | Mingtu
바람 | 风潮, 浪潮 | wave, trend
바이든 | 拜登 | Biden
바이오제조 | 生物制造 | biomanufacturing
바탕 | 基础 | basis, foundation
박사 | 博士 | doctor, PhD
박스 | 盒子, 工具箱 | box
박차 | 加快, 加速 | accelerate, spur
반복 | 重复 | repeat
반영 | 反映, 体现 | reflect
반영시킬 | 纳入, 融入 | incorporate
반응 | 反应, 响应 | response, react
반자동 | 半自动 | semi-automatic
발굴 | 挖掘, 发掘 | discover, identify
발명 | 发明 | invention
발자국 | 足迹 | footprint
발전 | 发展, 进步 | development, advance
발전모델 | 发展模式 | development model
발전소 | 发电站, 电站, 发电厂 | power plant
발전시키기 | 发展 | develop
발휘 | 发挥 | exert, unleash
발휘해 | 发挥 | exert, play
밝혔다 | 表示, 指出 | state, announce
방법 | 方法, 方式 | method, way
방식 | 方式 | method, way
방안이기 | 方案 | plan, measure
방음 | 隔音, 降噪 | soundproofing, sound insulation
방지 | 防止 | prevent, prevention
방침 | 方针 | policy, guideline
방향 | 方向 | direction
배경 | 背景 | background
배기관 | 排气管 | exhaust pipe
배달 | 配送, 外卖 | delivery
배분 | 配置, 分配 | allocation
배열 | 阵列, 排列 | array
배치 | 布局, 部署 | layout, deploy, arrangement
백신 | 疫苗 | vaccine
버추얼 | 虚拟 | virtual
범용 | 通用 | general-purpose, universal
범용성 | 通用性 | versatility, generality
범위 | 范围 | scope, range
법규 | 法规 | regulation, law
법률 | 法律 | law
법적 | 法律, 法定 | legal
법칙 | 法则, 定律 | law, rule
벚꽃 | 樱花 | cherry blossom
베이더우싱퉁 | 北斗星通 | BDStar Navigation
베이스 | 底座, 基座 | base
베이징사무소 | 北京办事处, 北京代表处 | Beijing office
베이징시 | 北京市 | Beijing
베이팡톈투 | 北方天途 | Beifang Tiantu
베터리 | 电池 | battery
벡터 | 矢量, 向量 | vector
벤처캐피털 | 风险投资, 创投 | venture capital
변신 | 变身, 转型 | transform
변화 | 变化 | change
별도 | 单独, 另外 | separate
병뚜껑 | 瓶盖 | bottle cap
병력 | 病历, 病史 | medical record, medical history
병목 | 瓶颈 | bottleneck
병행 | 并行, 并用 | parallel
보고 | 报告 | report
보고서 | 报告 | report
보급 | 普及, 推广 | adoption, popularization
보도 | 报道 | report
보여준 | 展示, 表现 | show, demonstrate
보완 | 弥补, 补充, 完善 | complement, make up for
보유 | 拥有, 持有, 具备 | own, possess, hold
보유했기 | 拥有 | possess
보장 | 保障 | guarantee, support
보타이주식 | 宝钛股份 | Baoti
보호 | 保护, 植保 | protection
복원력 | 韧性 | resilience
복잡 | 复杂 | complex
복잡도 | 复杂度 | complexity
복잡해지 | 复杂化, 复杂 | complicate, complex
복제 | 复制 | replicate
복합소재 | 复合材料 | composite material
본격 | 全面, 正式 | full-scale
본격화 | 全面展开, 加速推进, 正式启动 | full-scale, take off, accelerate
본격화되면 | 全面展开, 全面推进 | full-scale
본격화됨 | 全面展开, 全面推进 | in full swing
본부 | 总部, 本部 | headquarters, division
본부장 | 本部长 | director general, head of division
본질 | 本质 | essence, nature
부가가치 | 增值, 附加值 | value-added
부국장 | 副局长 | deputy director
부담 | 负担, 压力 | burden
부문 | 领域, 部门 | sector, segment
부분 | 部分 | part, partial
부상 | 崛起, 兴起 | emerge, rise
부서 | 部门 | department
부스 | 展位 | booth
부스터로보틱스 | 加速进化 | Booster Robotics
부실 | 劣质, 不良 | poor-quality, faulty
부여 | 赋予 | give, grant
부여해 | 赋予 | assign, grant
부족 | 不足, 短缺, 缺乏 | shortage, lack
부품사 | 零部件企业, 零部件供应商 | parts supplier
부합 | 符合, 契合 | meet, conform, match
북경대표처 | 北京代表处 | Beijing office, Beijing representative office
분기 | 季度 | quarter
분단 | 分割, 拆分 | split, separate
분류 | 分类 | classification, classify
분리 | 分离, 拆分 | separate, separation
분사 | 喷射, 喷淋 | spray, injection
분산 | 分散 | dispersed, decentralized, fragmented
분석 | 分析 | analysis, analyze
분석해 | 分析 | analyze
분야 | 领域, 行业 | field, sector
분야별 | 分领域, 各领域 | by sector, by field
분위기 | 氛围 | atmosphere
분포 | 分布 | distribution
불균형 | 不平衡, 失衡 | imbalance
불러올 | 带来 | bring about
불어넣고 | 注入 | inject, infuse
불어넣고자 | 注入 | inject
브룩스 | 布鲁克斯 | Brooks
브리핑 | 简报, 解读 | briefing
비교 | 比较, 对比 | compare, comparison
비교해 | 比较, 相比 | compare
비규제 | 非管制, 不受管制 | non-regulated, unrestricted
비디오 | 视频 | video
비약 | 飞跃 | leap
비용 | 成本, 费用 | cost
비즈니스 | 商务, 商业 | business
비쳤다 | 流露, 表露 | express, show
비효율 | 低效, 低效率 | inefficiency
빅데이터 | 大数据 | big data
빈번 | 频繁 | frequent
빠르게 | 快速, 迅速 | rapidly, fast
빠르며 | 快速 | fast
빠른 | 快速, 迅速 | fast, rapid
빨라지며 | 加快 | speed up
사건 | 事件 | event, incident
사고 | 思维 | thinking, reasoning
사고력 | 思考能力, 思维能力 | thinking ability
사내 | 内部, 公司内部 | internal, in-house
사람 | 人类, 人员 | person, human
사례 | 案例, 实例 | case, example
사실 | 事实, 真实 | fact
사실감 | 真实感, 逼真度 | realism
사양 | 配置, 规格 | specification
사업 | 业务, 事业 | business
사업부 | 事业部 | business unit, division
사업화 | 商业化, 产业化 | commercialization
사용 | 使用 | use
사용자 | 用户 | user
사이버 | 网络 | cyber
사이웨이지능 | 赛为智能 | Sunwin Intelligent
사전 | 预训练, 事先 | pre-training, prior
사족 | 四足, 四足机器人 | quadruped
사진 | 照片, 摄影 | photo, photography
사항 | 事项 | matter, item
사회 | 社会 | society
산불 | 森林火灾, 山火 | wildfire, forest fire
산업개발구 | 产业开发区, 开发区 | industrial development zone
산업계 | 产业界, 业界 | industry
산업군 | 产业集群, 产业群 | industry cluster
산업기술 | 产业技术 | industrial technology
산업기술혁신 | 产业技术创新 | industrial technology innovation
산업망 | 产业网络, 产业链 | industrial network
산업별 | 分行业, 各行业 | by industry, industry-specific
산업생산액 | 工业产值, 工业总产值 | industrial output value
산업용 | 工业用, 工业 | industrial
산업은행 | 韩国产业银行, 产业银行 | Korea Development Bank, KDB
산업정보화부 | 工业和信息化部, 工信部 | Ministry of Industry and Information Technology, MIIT
산업제어 | 工业控制, 工控 | industrial control
산업협력 | 产业合作 | industrial cooperation
산업화 | 产业化 | industrialization
산하 | 旗下, 下属 | subsidiary
산학연 | 产学研 | industry-academia-research
삶의 | 生活 | life
삼각주 | 三角洲 | delta
삼각지대 | 三角地带, 三角 | triangle
삼성중공업 | 三星重工 | Samsung Heavy Industries
상담 | 咨询 | consultation
상당 | 相当 | considerable, significant
상부 | 上部 | upper
상세 | 详细 | detailed
상승 | 上升, 提高 | rise, increase
상업 | 商业 | commercial, commerce
상요화 | 商用化, 商业化 | commercialization
상용화 | 商业化, 商用化 | commercialization
상장폐지 | 退市 | delisting, delist
상태 | 状态 | state, status
상품 | 商品, 产品 | product, commodity
상품시장 | 商品市场 | commodity market
상하이과학기술혁신판공실 | 上海推进科技创新中心建设办公室 | Shanghai Science and Technology Innovation Center Office
상하이시 | 上海市, 上海 | Shanghai
상호 | 相互, 互相 | mutual
상호연결 | 互联互通, 互联 | interconnection
상호작용 | 交互, 互动 | interaction
상황 | 情况, 状况, 形势 | situation, condition
상회 | 超过, 高于 | exceed, surpass
새로 | 重新, 新建 | newly
새로운 | 新的, 全新 | new
새롭게 | 重新, 全新 | newly, anew
생명과학 | 生命科学 | life science
생산관리 | 生产管理 | production management
생산기업 | 生产企业, 制造商 | manufacturer
생산기지 | 生产基地 | production base
생산라인 | 生产线, 产线 | production line
생산력 | 生产力 | productivity, productive force
생산력촉진센터 | 生产力促进中心 | productivity promotion center
생산제조 | 生产制造 | production and manufacturing
생생 | 生动 | vivid
생성 | 生成 | generate, generation
생성형 | 生成式 | generative
생애 | 生命周期, 全生命周期 | life, lifecycle
생애주기 | 生命周期, 全生命周期 | life cycle
생체 | 生物, 生物特征 | biometric, biological
생체모방형 | 仿生 | bionic, biomimetic
생태 | 生态 | ecology, ecosystem
생태섬 | 生态岛 | ecological island, eco-island
생활 | 生活 | life, living
샤오둬테크 | 晓多科技 | Xiaoduo Technology, Xiaoduo AI
샤오우스마트 | 晓悟智能 | Xiaowu Intelligence
섀시 | 底盘 | chassis
서기 | 书记 | secretary
서남지역 | 西南地区 | southwest region
서로 | 相互, 彼此 | each other, mutually
서부 | 西部 | west, western
서브 | 子品牌 | sub-brand
서비스망 | 服务网, 服务网络 | service network
서비스업 | 服务业 | service industry
선구 | 先行, 先驱 | pioneer
선도 | 领先, 引领, 龙头 | leading, lead
선도기업 | 龙头企业, 领军企业 | leading company
선두 | 领先, 前列 | lead, forefront
선두주자 | 领跑者, 龙头, 领头羊 | leader, frontrunner
선박 | 船舶 | ship, vessel
선보일 | 推出, 展示 | launch, showcase
선전경제특구 | 深圳经济特区 | Shenzhen Special Economic Zone
선전국가자주혁신시범구 | 深圳国家自主创新示范区 | Shenzhen National Independent Innovation Demonstration Zone
선전시 | 深圳市, 深圳 | Shenzhen
선전양자과학공학연구원 | 深圳量子科学与工程研究院 | Shenzhen Institute for Quantum Science and Engineering
선전완 | 深圳湾 | Shenzhen Bay
선정 | 评选, 选定, 入选 | select, selection
선제 | 率先, 先行 | preemptive, proactive
선택 | 选择 | choice, select
선행 | 先行 | pilot, advance
설명 | 说明, 解释, 介绍 | explanation, explain, describe
설비 | 设备 | equipment
설정 | 设定, 确定 | set
설치 | 设置, 安装 | install, set up
섬세 | 精细, 灵巧 | delicate, fine, dexterous
성공 | 成功 | success
성과 | 成果, 成效 | achievement, result
성급 | 省级 | provincial-level
성도고신구관리위원회 | 成都高新区管委会, 成都高新区管理委员会 | Chengdu High-tech Zone Administrative Committee
성사되면 | 达成, 促成 | conclude, realize
성숙 | 成熟 | mature
성숙도 | 成熟度 | maturity
성쓰 | 昇思 | MindSpore
성장세 | 增长势头, 增长态势 | growth momentum, growth trend
성장율 | 增长率 | growth rate
성텅 | 昇腾, 升腾 | Ascend
성황리 | 隆重, 圆满 | successfully, grand
세대 | 一代, 世代 | generation
세미애널리시스 |  | SemiAnalysis
세부 | 细节, 具体 | detail
세부사항 | 细节 | detail
세분화 | 细分, 细化 | subdivide, segment
세션 | 环节, 会议 | session
세수 | 税收 | tax
세우고 | 制定 | formulate, establish
세운 | 树立, 建立 | set up, establish
세제 | 税收, 税制 | tax, taxation
센싱 | 感知, 传感 | sensing
센터 | 中心 | center
셔틀 | 接驳, 班车 | shuttle
셔틀버스 | 接驳车, 班车 | shuttle bus
소개 | 介绍 | introduce
소량 | 少量 | small amount
소매업 | 零售业 | retail
소모 | 消耗, 内耗 | consumption, drain
소모량 | 消耗量, 功耗 | consumption
소방 | 消防 | fire fighting
소비 | 消费 | consumption, consumer
소비자용 | 消费级, 民用 | consumer, consumer-grade
소비재 | 消费品 | consumer goods
소셜 | 社交 | social
소식 | 资讯, 消息, 新闻 | news
소아 | 儿科, 儿童 | pediatric, child
소장 | 所长 | director
소재 | 材料 | material
소지 | 嫌疑, 可能性 | possibility, risk
소통 | 沟通, 交流 | communicate
소프트 | 软件 | software, soft
소형 | 小型 | small
속도 | 速度 | speed
속도감 | 快速, 高效 | rapid
손실 | 损失, 亏损 | loss
송장 | 发票 | invoice
수단 | 手段 | means, tool
수동 | 被动, 手动 | passive, manual
수량 | 数量 | quantity
수렴안 | 征求意见稿 | draft for comment
수리 | 维修 | repair
수립 | 制定, 建立 | establish, formulate
수백 | 数百, 上百 | hundreds
수상 | 水上 | water, waterborne
수상자 | 获奖者, 得主 | winner, laureate
수석 | 首席 | chief
수어천테크 | 索辰科技 | Suochen Technology
수율 | 良率, 良品率 | yield
수익 | 收益, 盈利 | profit, revenue
수주하기 | 中标, 承接 | win an order, contract
수준 | 水平 | level
수중 | 水下 | underwater
수직이착륙 | 垂直起降 | vertical takeoff and landing, VTOL
수천억 | 数千亿 | hundreds of billions
수치 | 数值, 数控 | numerical value, numerical control
수트 | 动捕服, 套装 | suit
수행 | 执行, 完成 | perform, carry out
수행함 | 执行, 完成 | perform
숙련 | 熟练 | skilled
순수 | 纯粹, 单纯 | pure
순찰 | 巡逻, 巡查 | patrol
쉬저우 | 徐州 | Xuzhou
쉽게 | 容易, 轻松 | easily
쉽고 | 简单, 容易 | easy
슈퍼 | 超级 | super
스마트매장 | 智慧门店, 智能门店 | smart store
스마트창고 | 智能仓储, 智慧仓储 | smart warehouse
스며들고 | 渗透, 融入 | permeate
스자좡 | 石家庄 | Shijiazhuang
스탠퍼드 | 斯坦福 | Stanford
스팟 | 点焊 | spot, spot welding
스하오잉 | 史浩颖 | Shi Haoying
습득 | 习得, 掌握, 获取 | acquire, learn
승용차 | 乘用车 | passenger car
승인 | 批准, 审批 | approval
시각 | 视觉 | vision, visual
시간 | 时间 | time
시급 | 市级 | municipal-level
시기 | 时期 | period, time
시대 | 时代 | era, age
시도 | 尝试 | attempt, try
시리즈 | 系列 | series
시리후 | 西丽湖 | Xili Lake
시범사업 | 试点, 示范项目 | pilot project
시야 | 视野 | perspective, vision
시작 | 开始, 起步, 开端 | start, beginning
시장성 | 市场性, 市场前景 | marketability
시제품 | 样机, 原型, 样品 | prototype
시진핑 | 习近平 | Xi Jinping
시찰 | 视察, 考察 | inspect, inspection tour
시행 | 实施, 实行 | implement, enforce
시행착오 | 试错 | trial and error
시험 | 试验, 测试 | test
시험대 | 试金石, 考验 | test, touchstone
시험장 | 试验场 | test site, proving ground
식물 | 植物, 植保 | plant, plant protection
식별 | 标识, 识别 | identification, identifier
신경망 | 神经网络 | neural network
신경제 | 新经济 | new economy
신경제과학기술국 | 新经济和科技局 | New Economy and Science and Technology Bureau
신공항건설 | 新机场建设 | new airport construction
신규 | 新增 | new
신기술 | 新技术 | new technology
신뢰 | 信任, 可信 | trust, reliability
신뢰도 | 可信度, 信任度 | reliability, credibility
신뢰성 | 可靠性 | reliability
신모델 | 新模式 | new model
신생 | 新兴, 新生 | new, emerging
신소비 | 新消费 | new consumption
신속 | 迅速, 快速 | rapid, quick
신속히 | 迅速, 快速 | quickly, rapidly
신약 | 新药 | new drug
신장 | 新疆 | Xinjiang
신제품 | 新产品 | new product
신주은테크 | 神州泰科 | Shenzhou Taike
신차 | 新车 | new car
신치우자오 | 新区造 | Xinquzao
신형 | 新型 | new-type, new
신호 | 信号 | signal
신호탄 | 信号, 序幕 | signal, starting signal
신흥 | 新兴 | emerging
신흥기술 | 新兴技术 | emerging technology
신흥산업 | 新兴产业 | emerging industry
실력 | 实力 | strength, capability
실무형 | 实用型, 应用型 | practical, hands-on
실사용 | 实际使用 | real-world use
실시 | 实施, 开展 | implement, conduct
실시간 | 实时 | real-time
실용 | 实用 | practical
실적 | 业绩 | performance, results
실정 | 现状, 实际情况 | situation, reality
실제 | 实际, 真实 | actual, real
실질 | 实质, 实际 | substantial, practical
실체 | 实体 | entity, physical entity
실행 | 执行, 实施 | execute, execution
실험장 | 试验场 | testbed, test ground
실현 | 实现 | realize
실현해 | 实现 | realize, achieve
실효 | 实效, 有效 | effective, effectiveness
심도 | 深度 | depth, in-depth
심층 | 深度, 深入 | in-depth, deep
심화 | 加剧, 深化 | intensify, deepen
심화시키며 | 深化 | deepen
싱가포르 | 新加坡 | Singapore
싱즈위안 | 星源智 | Xingyuanzhi
쌓아온 | 积累 | accumulate
쑤난 | 苏南 | Southern Jiangsu, Sunan
쓰천워페이창공 | 四川沃飞长空, 沃飞长空 | AeroFugia
쓰촨성 | 四川省, 四川 | Sichuan Province, Sichuan
쓰촨성청두 | 四川省成都 | Chengdu, Sichuan
쓰촨지우저우 | 四川九洲 | Sichuan Jiuzhou
씨쭝신에너지자동차 | 犀重新能源汽车 | Xizhong New Energy Vehicle
아시아 | 亚洲 | Asia
아오비중광 | 奥比中光 | Orbbec
아우르 | 涵盖, 囊括 | encompass
아우르고 | 涵盖 | encompass
아우른다 | 涵盖 | cover, encompass
아이 | 孩子, 儿童 | child
아이안 | 埃安 | Aion
아크 | 电弧 | arc
아키텍처 | 架构 | architecture
악마 | 魔鬼 | devil
안경 | 眼镜 | glasses
안경테크 | 安擎科技 | ARCGine Technologies
안과 | 眼科 | ophthalmology
안내 | 指导, 引导, 指南 | guidance
안내원 | 导览员, 讲解员 | guide
안정 | 稳定 | stable, stability
안정성 | 稳定性, 安全性 | stability
안착 | 落地 | land, settle
안후이성 | 安徽省, 安徽 | Anhui
알렸다 | 宣布 | announce
알루미늄 | 铝材, 铝业 | aluminum
압력 | 压力 | pressure
압박 | 压力, 施压 | pressure
앞다투어 | 争相, 竞相 | scramble, rush
앞서 | 此前, 之前 | earlier, previously
앞질렀다 | 超越, 超过 | surpass, overtake
애지봇 | 智元机器人, 智元 | AgiBot
앨런 | 艾伦 | Alan
야기 | 引发, 导致 | cause
야오잉의료 | 曜影医疗 | SinoUnited Health
약하다 | 薄弱, 脆弱 | weak
양국 | 两国, 双方 | both countries
양사 | 两家公司, 双方 | both companies
양성 | 培养, 培育 | training, cultivate
양자기술 | 量子技术, 量子科技 | quantum technology
양적 | 数量, 规模 | quantitative
양질 | 优质 | high quality
양측 | 双方 | both sides
양해각서 | 谅解备忘录 | memorandum of understanding, MOU
어깨 | 比肩, 并驾齐驱 | rival, on par
어려운 | 困难, 难以 | difficult
어려워 | 困难, 难以 | difficult
어려웠던 | 困难, 艰难 | difficult
언급 | 提及 | mention
언론 | 媒体, 舆论 | media, press
언어모델 | 语言模型 | language model
엄격 | 严格 | strict
엄격히 | 严格 | strictly
업계 | 业界, 行业 | industry
업그레이드 | 升级 | upgrade
업그레이드시 | 升级 | upgrade
업데이트 | 更新, 升级 | update
업무 | 工作, 业务 | work, business
업무보고 | 工作报告 | work report
업종 | 行业 | industry, sector
업체 | 企业, 厂商 | company, manufacturer
에어백 | 安全气囊, 气囊 | airbag
에어컨 | 空调 | air conditioner
에이전트 | 智能体, 代理 | agent
에프터 | 售后 | after-sales
엑스포 | 博览会, 展览会 | expo
엔드투엔드 | 端到端 | end-to-end
엔드투엔드형 | 端到端 | end-to-end
엔디비아 | 英伟达 | NVIDIA
엔젤투자센터 | 天使投资中心 | angel investment center
엔지니어 | 工程师 | engineer
엔진 | 发动机, 引擎 | engine
엔터테인먼트 | 娱乐 | entertainment
엣지 | 边缘, 边缘端 | edge
여건 | 条件, 环境 | condition
여러 | 多个, 各种 | various, multiple
여유 | 余地, 空间 | room, leeway
여전히 | 依然, 仍然 | still
역량 | 能力, 实力 | capability, capacity
역사 | 历史 | history
역활 | 作用, 角色 | role
연간 | 年度, 每年 | annual
연결 | 连接 | connect
연결고리 | 纽带, 链条 | link
연결시킴 | 连接, 对接 | connect
연결해 | 连接, 对接 | connect
연계 | 联动, 衔接, 联系 | linkage, connection
연관성 | 相关性 | relevance, correlation
연구진 | 研究团队, 研究人员 | research team
연도 | 年度 | year
연동 | 联动, 互联 | interconnect, link
연령층 | 年龄段, 年龄层 | age group
연마 | 打磨, 抛光, 研磨 | grinding, polishing
연산 | 运算, 计算 | computation
연속 | 连续 | continuous
연장 | 延长 | extend
연중무휴 | 全年无休 | year-round
연평균 | 年均, 年平均 | annual average, CAGR
연합 | 联盟, 联合 | alliance, federated, joint
연합체 | 联盟, 联合体 | alliance, consortium
연혁 | 发展历程, 沿革 | history, milestone
열기 | 热潮, 热度 | boom, enthusiasm
열렸다 | 举行, 召开 | be held
열어가고 | 开辟 | open up
열어주고 | 开辟, 打开 | open up
열었다 | 开启 | open
영구 | 永久 | permanent
영상 | 视频, 影像 | video, image
영업 | 营业, 经营 | operating, business
영역 | 领域 | field, area
영향력 | 影响力 | influence
예방 | 预防 | prevention
예상 | 预计, 预期 | expect, anticipate
예선 | 初赛, 预赛 | preliminary round
예측 | 预测 | forecast, prediction
오늘날 | 当今, 如今 | today, nowadays
오디오 | 音频 | audio
오피스 | 办公室, 办公空间 | office
온라인 | 线上, 在线 | online
올해 | 今年 | this year
옮기기 | 搬运 | carry, move
옵티머스 | 擎天柱 | Optimus
완료 | 完成 | complete
완비 | 完善, 完备 | complete, well-equipped
완성 | 完成, 完善 | complete, completion
완성도 | 完成度, 成熟度 | completeness, maturity
완성형 | 完整, 完整型 | complete
완전 | 完全 | complete, fully
완전히 | 完全, 彻底 | completely, fully
완제품 | 成品, 整机 | finished product
완화 | 缓解 | ease, alleviate
왕궈원 | 王国文 | Wang Guowen
왕촨푸 | 王传福 | Wang Chuanfu
외과 | 外科 | surgery
외국계 | 外资, 外企 | foreign, foreign-funded
외래 | 门诊 | outpatient
외부 | 外部 | external
외장 | 外饰 | exterior
요구 | 需求, 要求 | demand, requirement
요소 | 要素, 因素 | element, factor
요약 | 概括, 总结 | summarize, summary
요인 | 因素 | factor
요청 | 请求, 要求 | request
용이 | 便捷, 容易 | easy
용접기 | 焊机, 焊接机 | welder, welding machine
우샤오루 | 吴晓如 | Wu Xiaoru
우위 | 优势 | advantage
우회 | 绕过, 规避 | circumvent, bypass
우후 | 芜湖 | Wuhu
운동 | 运动 | motion, movement
운반 | 搬运 | handling, transport
운송 | 运输 | transport
운영센터 | 运营中心 | operations center
운항 | 飞行, 运行 | flight, operation
워페이창쿵 | 沃飞长空 | AeroFugia, Wofei Changkong
원격 | 远程, 遥控 | remote
원내 | 院内 | in-hospital
원년 | 元年 | first year
원료 | 原料 | raw material
원리 | 原理 | principle
원스톱 | 一站式 | one-stop
원자력 | 核电, 核能 | nuclear power
원자재 | 原材料 | raw material
원재료 | 原材料 | raw material
원천기술 | 原创技术, 源头技术 | source technology, core technology
원칙 | 原则 | principle
원하고 | 希望, 想要 | want
원활 | 顺畅, 顺利 | smooth
월드 | 世界 | world
웨강아오다완구 | 粤港澳大湾区 | Guangdong-Hong Kong-Macao Greater Bay Area
웨이퍼 | 晶圆, 硅片 | wafer
위기 | 危机 | crisis
위리이치 | 宇立仪器 | Sunrise Instruments, SRI
위반 | 违反, 违规 | violation, violate
위상 | 地位 | status, standing
위원 | 委员 | committee member, commissioner
위원회 | 委员会 | committee
위젠쥔 | 魏建军 | Wei Jianjun
위치 | 位置, 地位 | position, location
위탁 | 委托, 代工 | outsourcing, contract manufacturing
유관 | 相关 | related
유기 | 有机 | organic
유능 | 有为, 能干 | capable, competent
유니트리 | 宇树科技, 宇树 | Unitree
유도 | 引导, 吸引 | induce, encourage, guide
유람선 | 游船 | cruise boat, excursion boat
유럽 | 欧洲 | Europe
유명 | 知名, 著名 | famous, well-known
유비테크 | 优必选 | UBTECH
유비텍 | 优必选 | UBTECH
유사 | 类似, 相似 | similar
유연 | 柔性, 灵活 | flexible
유연생산 | 柔性生产 | flexible production
유인 | 载人 | manned, crewed
유일 | 唯一 | only, unique
유지 | 维持, 保持 | maintain
유지관리 | 运维, 维护 | maintenance
유지해 | 保持, 维持 | maintain
유치 | 引进, 吸引, 融资 | attract, attraction, raise
유통 | 流通, 分销 | distribution
유통기업 | 流通企业 | distribution company
유한공사 | 有限公司 | limited company, co., ltd.
유형 | 类型 | type
유형별 | 分类型, 按类型 | by type
유효 | 有效 | valid, effective
육상 | 陆地, 陆上 | land, ground
육성시킬 | 培育, 培养 | foster, cultivate
육성하고자 | 培育, 培养 | foster, cultivate
육성함 | 培育 | foster
육해공 | 陆海空 | land, sea and air
융복합 | 融合, 跨界融合 | convergence
융합 | 融合 | convergence, fusion, integration
융합형 | 融合型 | converged, integrated
음성 | 语音 | voice, speech
음식 | 餐饮, 食品 | food
응답 | 响应, 回应, 应答 | response, respond
의도 | 意图 | intent
의료기기 | 医疗器械 | medical device
의료팀 | 医疗团队 | medical team
의미 | 意义, 含义, 意味着 | meaning, mean
의상 | 服装, 服饰 | costume, clothing
의제 | 议题 | agenda, topic
의지 | 意志, 决心 | will, determination
의학 | 医学 | medicine, medical science
의학과 | 医学科 | medical department, medicine
이기종 | 异构 | heterogeneous
이끈 | 引领, 带动 | lead
이끌 | 引领, 带领 | lead
이끌어 | 引领, 带动 | lead, drive
이끌어냈다 | 取得, 带来 | achieve, lead to
이내 | 以内 | within
이동 | 移动, 转移 | move, shift
이동체 | 移动体, 移动载体 | mobile body, mobile platform
이동통신 | 移动通信 | mobile communication
이론 | 理论 | theory
이륙 | 起飞 | takeoff
이름 | 名字, 名称 | name
이미지형 | 图像型 | image-based
이사 | 理事, 董事 | director, board member
이슈 | 议题, 热点 | issue
이어가고 | 延续, 持续 | continue
이어가며 | 延续, 持续 | continue
이어갔다 | 继续, 延续 | continue
이온 | 离子 | ion
이용 | 利用, 使用 | use
이전 | 转移, 转化 | transfer
이정표 | 里程碑 | milestone
이좡 | 亦庄 | Yizhuang
이중 | 双重 | dual, double
이틀간 | 两天 | two days
이해 | 理解 | understand, understanding
이행 | 落实, 执行, 履行 | implement
인간 | 人类 | human
인건비 | 人工成本, 人力成本 | labor cost
인공 | 人工 | artificial
인공신경망 | 人工神经网络 | artificial neural network
인구 | 人口 | population
인도네시아 | 印度尼西亚, 印尼 | Indonesia
인력 | 人才, 人力 | personnel, workforce, talent
인류 | 人类 | humanity, mankind
인문 | 人文 | humanities, people-to-people
인민정부 | 人民政府 | people's government
인버터 | 逆变器, 变频器 | inverter
인사 | 人士 | figure, dignitary
인사이트 | 洞察 | insight
인센티브 | 激励 | incentive
인수 | 收购 | acquisition, acquire
인식 | 识别, 认识 | recognition
인정받고 | 认可, 获得认可 | recognize
인증 | 认证 | certification
인지과학 | 认知科学 | cognitive science
인지기능 | 认知功能 | cognitive function
인하 | 降价, 下调, 降低 | cut, reduction, price cut
일관되게 | 始终, 一贯 | consistently
일관성 | 一致性 | consistency
일대 | 一带, 周边 | area, vicinity
일련 | 一系列 | series
일명 | 又称, 俗称 | also known as
일반 | 普通, 一般 | general
일반항공 | 通用航空, 通航 | general aviation
일반화 | 泛化 | generalization
일부 | 部分, 一些 | some, part
일상 | 日常 | daily life, everyday
일자 | 日期 | date
일체 | 一体化, 一体 | integration
일체화 | 一体化 | integration
임무 | 任务 | mission, task
임상 | 临床 | clinical
입점 | 入驻 | move in, settle
입주 | 入驻 | move in, tenant
입주해 | 入驻 | move in, be located
입증 | 证明, 证实 | prove
입지 | 地位 | position, status
입체 | 立体 | three-dimensional
잇달아 | 相继, 接连 | successively
잇따라 | 相继, 接连 | successively, one after another
잉스네트워크 | 萤石网络 | EZVIZ
자기장 | 磁场 | magnetic field
자동 | 自动 | automatic
자동차용 | 车用, 车规级 | automotive
자랑 | 拥有, 自豪 | boast, pride
자리매김 | 定位, 确立 | establish, position
자리매김하 | 定位, 确立地位 | establish position
자립화 | 自主化, 自立 | self-reliance
자문 | 咨询 | consultation, advisory
자본 | 资本 | capital
자사 | 本公司, 自家 | own company
자산 | 资产 | asset
자신 | 自身, 自己 | oneself, own
자신감 | 信心, 自信 | confidence
자싱 | 嘉兴 | Jiaxing
자연스러움 | 自然性, 自然度 | naturalness
자연스럽게 | 自然 | naturally
자연어 | 自然语言 | natural language
자율 | 自主 | autonomous
자율비행 | 自主飞行 | autonomous flight
자율성 | 自主性 | autonomy
자율주행차 | 自动驾驶汽车, 无人驾驶汽车 | autonomous vehicle, self-driving car
자재 | 物料, 材料 | material
자주 | 自主 | independent, autonomous
자주혁신 | 自主创新 | independent innovation
자주혁신구 | 自主创新示范区, 自创区 | independent innovation demonstration zone
자주혁신시범구 | 自主创新示范区 | independent innovation demonstration zone
자진 | 主动, 自愿 | voluntary
자체 | 自主, 自身 | own, in-house
자체개발 | 自研, 自主研发 | in-house development
자회사이기 | 子公司 | subsidiary
작고 | 小型 | small
작동 | 运行, 运转 | operate, run
작동하는것 | 运行, 运转 | operate
작업 | 作业, 任务 | task, work, operation
작업지침서 | 作业指导书 | work instruction
작용 | 作用 | act, role
잔여 | 剩余 | remaining, residual
잠재력 | 潜力 | potential
장기 | 长期 | long-term
장기간 | 长期 | long-term
장단점 | 优缺点, 利弊 | pros and cons, strengths and weaknesses
장려 | 鼓励 | encourage
장비만 | 设备 | equipment
장비업체 | 设备企业, 设备厂商 | equipment maker
장삼각주 | 长三角 | Yangtze River Delta
장시 | 江西 | Jiangxi
장쑤성 | 江苏省, 江苏 | Jiangsu Province, Jiangsu
장장 | 张江 | Zhangjiang
장장하이테크산업개발구 | 张江高新技术产业开发区, 张江高新区 | Zhangjiang High-Tech Industrial Development Zone
장점 | 优势, 长处 | advantage, strength
장청자동차 | 长城汽车 | Great Wall Motor
장치 | 装置, 设备 | device
장핑안 | 张平安 | Zhang Ping'an
재구성 | 重构 | restructure, reconstruct
재도약 | 再次腾飞, 新跨越 | new leap
재사용성 | 可复用性, 复用性 | reusability
재정립 | 重新定位, 重塑 | redefine
재정비 | 重整, 整顿 | reorganize
재편 | 重组, 整合 | restructure, reorganization
재활 | 康复 | rehabilitation
재활용 | 回收, 再利用 | recycling
저공 | 低空 | low-altitude
저도고 | 低空 | low altitude
저렴 | 低廉, 便宜, 廉价 | cheap, low-cost
저비용 | 低成本 | low cost
저장 | 存储, 储存 | storage
저장장치 | 存储器, 存储设备 | storage device, memory
저축 | 储蓄 | saving
적극 | 积极 | active, proactive
적용 | 应用, 适用 | application, apply
적용시킨다 | 应用, 运用 | apply
적용해 | 应用 | apply
적응력 | 适应能力, 适应性 | adaptability
적합 | 适合, 适用 | suitable
적합성 | 适应性, 适用性 | suitability, compatibility
전개 | 展开, 开展 | unfold, develop
전기 | 电动, 电气 | electric
전기모터 | 电机, 电动机 | electric motor
전기추진 | 电推进, 电动推进 | electric propulsion
전년 | 上年, 去年 | previous year
전달 | 传递, 传达 | delivery, convey
전담 | 专门, 专职 | dedicated
전동화 | 电动化, 电气化 | electrification
전략국제문제연구소 | 战略与国际研究中心 | Center for Strategic and International Studies, CSIS
전력 | 电力 | electric power, power
전례 | 先例, 前例 | precedent
전면 | 全面 | full, comprehensive
전문 | 专业 | specialized, professional
전문가 | 专家 | expert
전문과 | 专科 | specialty department, specialty
전문성 | 专业性 | expertise
전문의 | 专科医生, 专家医生 | specialist
전문화 | 专业化 | specialization
전반 | 整体, 全面 | overall, whole
전방위 | 全方位 | all-round
전분야 | 全领域 | all fields
전속 | 专属, 全职 | dedicated, exclusive
전송 | 传输 | transmission
전시장 | 展馆, 展会 | exhibition hall, exhibition venue
전압 | 电压 | voltage
전역 | 全域, 全境 | entire area
전용 | 专用 | dedicated
전이 | 迁移, 迁移学习 | transfer, transfer learning
전자 | 电子 | electronics, electronic
전자정보 | 电子信息 | electronic information
전자제어 | 电控 | electronic control
전자제품 | 电子产品 | electronic product
전쟁 | 战争, 价格战 | war
전주기 | 全周期, 全生命周期 | full cycle, lifecycle
전진 | 前置, 前进 | forward
전체 | 全部, 整体 | whole, total
전통 | 传统 | traditional
전환 | 转型, 转换 | transition, transformation, conversion
전환기 | 转型期, 转折期 | transition period, turning point
전환시키며 | 转变 | transform
전환해 | 转换, 转型 | convert, transform
전후 | 前后 | around
절감 | 降低, 节约, 削减 | reduce, save, cut
절단 | 切割 | cutting, cut
절반 | 一半 | half
절차 | 程序, 流程 | procedure
점검 | 巡检, 检查, 检修 | inspection, check
점유 | 占有, 占据 | occupy, share
점차 | 逐步, 逐渐 | gradually
접근 | 获取, 接入 | access
접근성 | 可及性, 易用性, 可访问性 | accessibility
접목 | 融合, 结合 | integrate, combine
접착 | 粘接, 涂胶 | bonding, gluing
정리 | 整理 | organize, summarize
정리함 | 清理, 淘汰 | clear out, eliminate
정립 | 确立, 建立 | establish
정립함 | 确立, 建立 | establish
정보 | 信息, 资讯 | information
정보시스템 | 信息系统 | information system
정보통신 | 信息通信, 信息通讯 | information and communication, ICT
정부 | 政府 | government
정비 | 整顿, 整合, 维护 | consolidation, reorganize, maintenance
정삼각형 | 正三角形 | equilateral triangle
정식 | 正式 | formal, official
정의 | 定义 | define, definition
정확 | 精确, 准确 | accurate, precise
정확성 | 准确性, 精确性 | accuracy
정황 | 迹象, 情况 | circumstance, sign
제고 | 提高, 提升 | improve, enhance
제공 | 提供 | provide
제공함 | 提供 | provide
제공했 | 提供 | provide
제기 | 提出 | raise
제도 | 制度 | system, institution, regulation
제로백 | 百公里加速, 零百加速 | 0-100 km/h acceleration
제시 | 提出, 提示 | present, propose
제시했다 | 提出 | propose, present
제안 | 提出, 建议 | propose, proposal
제약 | 制约, 约束 | constraint
제어기 | 控制器 | controller
제작 | 制作 | production, make
제정 | 制定 | formulate, enact
제정함 | 制定 | enact, formulate
제조공장 | 制造工厂, 工厂 | manufacturing plant, factory
제조기업 | 制造企业 | manufacturer, manufacturing company
제조사 | 制造商, 厂商 | manufacturer
제치고 | 超越, 超过 | overtake
제품군 | 产品线, 产品系列 | product line, product family
제품들 | 产品 | product
제품본부 | 产品本部, 产品中心 | product division
제한 | 限制 | restrict, limit
조건 | 条件, 工况 | condition
조경 | 园林, 绿化 | landscaping
조기경보 | 预警, 早期预警 | early warning
조달 | 采购 | procurement
조립 | 装配, 组装 | assembly
조사 | 调查, 调研 | survey, research
조사기관 | 调研机构, 研究机构 | research firm, research institute
조성 | 打造, 建设, 营造 | build, create, establish
조성하겠다고 | 打造, 建设 | build, create
조성해 | 营造, 打造 | create, build
조속히 | 尽快, 加快 | promptly, quickly
조언 | 建议, 咨询 | advice
조원쵸우 | 赵文峤 | Zhao Wenqiao
조율 | 协调 | coordinate
조작 | 操作, 操控 | operation, manipulate, teleoperation
조정 | 调整 | adjust, adjustment
조직 | 组织 | organization
조화 | 协调, 和谐 | harmony
조화롭게 | 协调, 和谐 | harmonious
존재 | 存在 | exist
존재감 | 存在感, 影响力 | presence
존제 | 存在 | exist
좁혀지고 | 缩小 | narrow
종합 | 综合 | comprehensive, overall
종합형 | 综合型, 综合性 | comprehensive, integrated
종횡자동화 | 纵横自动化, 成都纵横 | JOUAV
좋은 | 良好 | good
좌담회 | 座谈会 | symposium, roundtable
좌석 | 座椅 | seat
좌우 | 左右, 决定 | determine, influence
주강 | 珠江 | Pearl River
주기 | 周期 | cycle, period
주기별 | 按周期, 分阶段 | by cycle, by stage
주데이터 | 主数据 | master data
주도 | 主导, 引领 | lead, dominate
주도형 | 主导型, 驱动型 | led, driven
주력 | 主力, 致力 | focus, main
주로 | 主要 | mainly, primarily
주목 | 关注, 瞩目 | attention
주목받 | 关注, 瞩目 | attention, notable
주목받고 | 受到关注, 备受关注 | attract attention
주물 | 铸件 | casting
주변 | 周围, 周边 | surrounding
주석 | 主席 | chairman, president
주요 | 主要, 重点 | main, major, key
주요내용 | 主要内容 | main content, key point
주임 | 主任 | director
주주 | 股东 | shareholder
주중국대사관 | 驻华大使馆, 驻中国大使馆 | embassy in China
주중한국대사관 | 韩国驻华大使馆 | Korean Embassy in China
주체 | 主体 | entity, actor
주행 | 行驶, 驾驶 | driving
주화룽 | 朱华荣 | Zhu Huarong
준공 | 竣工, 建成 | completion
준첨단 | 准先进, 次先进 | semi-advanced, near-leading-edge
줄곧 | 一直, 始终 | consistently, always
중간 | 中间, 中试 | middle, pilot
중견기업 | 中坚企业, 中型企业 | mid-sized company
중고차 | 二手车 | used car
중관촌국제인큐베이터 | 中关村国际孵化器 | Zhongguancun International Incubator
중국산 | 国产, 中国产 | Chinese-made, made in China
중국위성 | 中国卫星 | China Spacesat
중국창업 | 中国创业 | China startup
중국표준 | 中国标准 | Chinese standard
중국한국상회 | 中国韩国商会 | Korea Chamber of Commerce in China
중궈뎬커 | 中国电科 | CETC
중노동 | 重体力劳动, 繁重劳动 | heavy labor
중대 | 重大 | major, significant
중뎬커 | 中电科 | CETC
중복 | 重复 | duplication, overlap
중소기업성장규획 | 中小企业成长规划 | SME growth plan
중소형 | 中小型, 中小尺寸 | small and medium-sized
중시 | 重视 | emphasize, value
중심 | 中心, 核心 | center, focus
중심도시 | 中心城市 | central city, hub city
중심지 | 中心, 枢纽 | center, hub
중심축 | 核心, 中轴 | pillar, axis
중앙 | 中央 | central
중앙집중식 | 集中式 | centralized
중요 | 重要 | important
중요성 | 重要性 | importance
중장기 | 中长期 | medium- and long-term
중점 | 重点 | focus, priority
중차이그룹 | 中材集团 | Sinoma
중커싱투 | 中科星图 | GEOVIS
중커촹다 | 中科创达 | ThunderSoft
중커후이링 | 中科慧灵 | Zhongke Huiling
중터테크 | 中特科技 | Zhongte Technology
중항뎬처 | 中航电测 | ZEMIC
중형 | 中型 | medium
즈위안 | 智元, 智元机器人 | AgiBot, Zhiyuan
즉각 | 即时, 立即 | immediate
증가세 | 增长势头, 增势 | growth trend
증가해 | 增长, 增加 | increase
증명서 | 证明, 证书, 凭证 | certificate
지난 | 过去, 上个 | last, past
지난해 | 去年 | last year
지능 | 智能 | intelligence
지능체 | 智能体 | agent, intelligent agent
지능형 | 智能 | intelligent, smart
지닌 | 具有, 拥有 | have, possess
지닌다 | 具有, 拥有 | have, possess
지도 | 指导, 引导 | guide, guidance
지리 | 吉利, 吉利汽车 | Geely
지리그룹 | 吉利集团, 吉利控股集团 | Geely Group
지목 | 指出, 认定 | point out, identify
지방 | 地方 | local
지배 | 主导, 支配 | dominate
지분 | 股权, 股份 | stake, equity
지불 | 支付 | pay, payment
지상 | 地面 | ground
지상국 | 地面站 | ground station
지속 | 持续, 不断 | continue, sustain
지속해 | 持续 | continue
지시 | 指令 | instruction, command
지식 | 知识 | knowledge
지식재산권 | 知识产权 | intellectual property
지워질 | 抹掉, 消失 | erase, disappear
지원제도 | 支持政策, 扶持政策 | support policy, support scheme
지적 | 指出 | point out, criticism
지적되어온 | 指出 | point out, identify
지정 | 指定, 认定 | designate
지커 | 极氪 | Zeekr
지표 | 指标 | indicator, index
지하철 | 地铁 | subway, metro
지형 | 格局 | landscape
직결 | 直接关系, 直接关联 | directly linked
직관 | 直观 | intuitive
직면 | 面临, 面对 | face, confront
직사 | 直射, 直喷 | direct
직접 | 直接 | direct
직할구 | 直管区 | directly administered area
진료소 | 诊所, 门诊部 | clinic
진입 | 进入 | enter, entry
진입장벽 | 进入门槛, 准入门槛 | entry barrier
진입점 | 切入点 | entry point
진입해 | 进入 | enter
진전 | 进展 | progress
진정 | 真正 | true, genuine
진출 | 进入, 进军 | enter, expansion
진행 | 进行, 开展 | conduct, proceed
진행해오며 | 开展, 举办 | carry out, hold
진화 | 进化, 演进, 演化 | evolution, evolve
질문 | 问题, 提问 | question
질병 | 疾病 | disease
질의응답 | 问答 | question answering, Q&A
질적 | 质量 | qualitative, quality
집결 | 集聚, 汇聚 | gather
집결해 | 集聚, 聚集 | gather, cluster
집기 | 抓取 | grasping, grasp
집단 | 集体, 集团 | collective, group
집약 | 集聚, 集约 | concentration, integration
집적 | 集聚, 集成 | agglomeration, integration
집적화 | 集成, 集约化 | integration
집중 | 集中, 聚焦 | focus, concentrate
집중해 | 集中, 专注, 聚焦 | focus, concentrate
징룽후이 | 菁蓉汇 | Jingronghui
짧은 | 短暂 | short
차단 | 阻断, 封锁 | block, cut off
차량 | 车辆 | vehicle
차량용 | 车载, 车用 | in-vehicle, automotive
차림 | 装扮, 服饰 | attire, outfit
차문 | 车门 | door
차별화 | 差异化 | differentiation
차세대 | 新一代, 下一代 | next-generation
차오줘항커 | 超卓航科 | Chaozhuo Aerospace
차원 | 层面, 维度 | level, dimension
차지 | 占据, 占有 | occupy, account for
차체 | 车身 | car body
착륙 | 着陆, 降落 | landing
착용 | 穿戴, 佩戴 | wear
참고 | 参考 | reference
참고자료 | 参考资料, 参考文献 | reference, reference material
참석해 | 出席, 参加 | attend
참여 | 参与 | participate, participation
참여해 | 参与, 参加 | participate
창고물류 | 仓储物流 | warehouse logistics
창구 | 窗口, 渠道 | window, channel
창안자동차 | 长安汽车 | Changan Automobile, Changan
창업팀 | 创业团队 | startup team
창원 | 昌原 | Changwon
창원컨벤션센터 | 昌原会展中心 | Changwon Convention Center
창의 | 创意 | creative, creativity
창의성 | 创造力, 创意 | creativity
창저우 | 常州 | Changzhou
창조형 | 共创, 创造型 | creative, co-creation
창청 | 长城 | Great Wall
창청자동차 | 长城汽车 | Great Wall Motor
창출 | 创造 | create
창출하도록 | 创造 | create
창출한다 | 创造 | create, generate
창출해내고 | 创造 | create
찾아 | 寻找 | find, seek
채널 | 渠道 | channel
책임자 | 负责人 | head, person in charge
처리 | 处理 | processing, process
처음 | 首次, 第一次 | first, for the first time
천깡 | 陈钢 | Chen Gang
천시항쿵 | 晨曦航空 | Chenxi Aviation
철수 | 撤出, 撤销 | withdraw
철저히 | 切实, 严格 | thoroughly
철학 | 理念, 哲学 | philosophy
첨단 | 先进, 尖端, 高端 | advanced, cutting-edge
첨단기술 | 高新技术, 尖端技术 | advanced technology, high tech
첨단기술산업 | 高新技术产业, 高技术产业 | high-tech industry
첨단산업 | 高新技术产业, 高端产业 | high-tech industry
첨단산업개발구 | 高新技术产业开发区, 高新区 | high-tech industrial development zone, high-tech zone
첨단운전자보조시스템 | 高级驾驶辅助系统 | advanced driver assistance system, ADAS
첫걸음 | 第一步, 起步 | first step
첫째 | 第一, 首先 | first
청년 | 青年 | youth
청두고신구 | 成都高新区 | Chengdu High-tech Zone
청두고신구과학기술혁신국 | 成都高新区科技创新局 | Chengdu High-tech Zone Science and Technology Innovation Bureau
청두생산력촉진센터 | 成都生产力促进中心 | Chengdu Productivity Promotion Center
청두시 | 成都市 | Chengdu
청두시과학기술국 | 成都市科学技术局, 成都市科技局 | Chengdu Science and Technology Bureau
청두시용천로구신경제와과학기술국 | 成都市龙泉驿区新经济和科技局 | Chengdu Longquanyi District New Economy and Science and Technology Bureau
청두행 | 成都行 | Chengdu trip
청사진 | 蓝图 | blueprint
청스진화룬 | 城市进化论 | Chengshi Jinhualun
청위 | 成渝 | Chengdu-Chongqing, Chengyu
청화구 | 成华区 | Chenghua District
체감 | 体验, 感受 | experience, feel
체계만 | 体系 | system
체계화 | 体系化, 系统化 | systematization
체인 | 产业链, 链条 | chain, industrial chain
체제 | 系统, 体制, 体系 | system, regime
첸자오 | 潜鲛 | Qianjiao
첸하이선강 | 前海深港 | Qianhai Shenzhen-Hong Kong
초고속 | 超高速 | ultra-high-speed
초과 | 超过, 超出 | exceed
초기 | 初期, 早期 | early stage, initial
초대형 | 超大型, 超大规模 | super-large, giant
초입 | 入口, 起步 | entry point, beginning
초장거리 | 超长距离 | ultra-long-distance
초점 | 焦点, 聚焦 | focus
초청 | 邀请 | invite, invitation
초청받아 | 受邀 | be invited
촉진 | 促进 | promote
촉진함 | 促进, 推动 | promote
총괄 | 统筹, 总揽 | oversee, coordinate
총생산 | 总产值, 生产总值 | gross output, GDP
총이익률 | 毛利率 | gross margin
총판매량 | 总销量 | total sales
총합 | 总和, 合计 | total
촨치 | 传祺 | Trumpchi
촬영 | 拍摄, 航拍 | shoot, photography
촹예방 | 创业邦 | Cyzone, Chuangyebang
최고 | 最高, 顶尖, 一流 | top, best, highest
최고점 | 最高点 | peak, highest point
최근 | 最近, 近期 | recent
최대 | 最大 | largest, maximum
최선 | 最佳, 最优 | best
최소화 | 最小化 | minimize
최적 | 最佳, 最优 | optimal
최적화 | 优化 | optimization, optimize
최종 | 最终 | final
최초 | 首个, 首次, 首创 | first
추구 | 追求 | pursue
추론 | 推理 | reasoning, inference
추세 | 趋势 | trend
추세다 | 趋势 | trend
추적 | 追溯, 追踪 | trace, track
추진 | 推进, 推动 | promote, push forward
추진력 | 推动力, 动力 | driving force
추진전략 | 推进战略 | implementation strategy
추진하고자 | 推进, 推动 | promote, push forward
추진해왔다 | 推进, 推动 | promote, advance
축사 | 致辞, 贺词 | congratulatory speech
축소 | 缩减, 削减 | reduction, cut
축적 | 积累, 累积 | accumulate, accumulation
축적되면서 | 积累 | accumulate
축적해온 | 积累 | accumulate
출범 | 启动, 成立, 推出 | launch, establish
출처 | 来源, 出处 | source
출현 | 出现, 问世 | emergence, advent
충족 | 满足 | meet, satisfy
충족시키기 | 满足 | satisfy, meet
취하고 | 采取 | adopt, take
측량 | 测量, 测绘 | survey, measurement
측면 | 方面, 层面 | aspect, perspective
치과 | 牙科, 口腔科 | dentistry
치료 | 治疗 | treatment
치료제 | 治疗药物, 药物 | therapeutic, treatment drug
치열 | 激烈 | fierce, intense
치열해지고 | 激烈, 加剧 | intensify, fierce
친화 | 友好 | friendly
친환경화 | 绿色化 | greening, eco-friendly
칩렛 | 芯粒, 小芯片 | chiplet
칩에 | 芯片 | chip
칩은 | 芯片 | chip
칩을 | 芯片 | chip
칩의 | 芯片 | chip
카눠프 | 卡诺普 | CRP Robotics
카눠프로보틱스 | 卡诺普机器人 | CRP Robotics
캡처 | 捕捉 | capture
커넥티드 | 网联, 互联 | connected
커버 | 覆盖 | cover
커촹중궈 | 科创中国 | Kechuang China
컨설팅 | 咨询 | consulting
컨퍼런스 | 大会, 会议 | conference
컴퓨터 | 电脑, 计算机 | computer
컴퓨팅 | 计算, 算力 | computing
컴프레서 | 压缩机 | compressor
코드 | 编码, 代码 | code
코스모스 |  | Cosmos
코어리스 | 空心杯, 无铁芯 | coreless
쾅샤오밍 | 匡晓明 | Kuang Xiaoming
크다 | 巨大, 较大 | large, big
키우며 | 扩大, 培育 | grow, expand
키워드 | 关键词 | keyword
탄생 | 诞生 | birth, emerge
탄소 | 碳排放, 碳足迹 | carbon, carbon footprint
탄소배출 | 碳排放 | carbon emission
탄탄 | 坚实, 扎实 | solid
탐색 | 探索 | exploration
탑재 | 搭载, 载荷 | payload, mount
탑재체 | 载荷, 任务载荷 | payload
태국 | 泰国 | Thailand
태그 | 标签 | tag
태도 | 态度 | attitude
태양광 | 光伏, 太阳能 | solar, photovoltaic
태우 | 烧钱, 燃烧 | burn, burn money
텅둔커촹 | 腾盾科创 | Tengden
테마 | 主题 | theme
테크 | 科技 | tech, technology
텍스트 | 文本 | text
톈공 | 天工 | Tiangong
톈푸모바일 | 天府移动 | Tianfu Mobile
톈푸신구 | 天府新区 | Tianfu New Area
토요타 | 丰田 | Toyota
토푸윈눙 | 托普云农 | Top Cloud-agri
통계 | 统计 | statistics
통과 | 通过 | pass
통로 | 通道 | channel, passage
통신장비 | 通信设备 | telecommunications equipment
통제 | 控制, 管控 | control
통칭 | 统称, 简称 | collectively refer, abbreviate
통합계획 | 整合计划, 重组计划 | integration plan, merger plan
통합해 | 整合 | integrate
통합형 | 一体化, 综合型 | integrated
투입 | 投入, 投放 | deploy, put into use
투자사 | 投资机构, 投资公司 | investor, investment firm
투자액 | 投资额 | investment amount
투자자 | 投资者, 投资人 | investor
툴과 | 工具 | tool
툴에 | 工具 | tool
툴을 | 工具 | tool
튜링 | 图灵 | Turing
트랜드 | 趋势, 动态 | trend
트렌드 | 趋势 | trend
특색 | 特色 | characteristic, distinctive feature
특성상 | 特性, 特点 | nature, characteristic
특수트럭 | 专用车, 特种卡车 | special-purpose truck
특정 | 特定 | specific
특징 | 特征, 特点 | feature, characteristic
특화 | 专门, 特色 | specialized
특화형 | 专用, 垂直 | specialized
팀은 | 团队 | team
팀을 | 团队 | team
파견 | 派出, 派驻 | dispatch
파괴 | 颠覆性, 破坏 | disruptive, disruption
파동 | 波动 | wave, vibration
파라미터 | 参数 | parameter
파악 | 把握, 了解, 掌握 | understand, grasp
파악해 | 掌握, 了解 | grasp, understand
파울하버 | 冯哈伯 | Faulhaber
파워 | 算力, 力量 | power
파일 | 档案, 文件 | file
파트너 | 合作伙伴, 伙伴 | partner
파트너십 | 伙伴关系, 合作关系 | partnership
판구 | 盘古 | Pangu
판단 | 判断, 决策 | judgment, decision
판매국 | 销售国 | sales country, seller
팔레타이징 | 码垛 | palletizing
팔을 | 手臂, 机械臂 | arm
패널 | 面板 | panel
패러다임 | 范式 | paradigm
패키징 | 封装 | packaging
팩토리 | 工厂 | factory
펀드타운 | 基金小镇 | fund town
펑냐오 | 丰鸟 | Fengniao
펑이 | 丰翼, 丰翼科技 | Phoenix Wings
펑청 | 鹏城 | Pengcheng
페스티발 | 节庆, 嘉年华 | festival
페스티벌 | 节庆, 嘉年华 | festival
페이마로봇 | 飞马机器人 | Feima Robotics
편의 | 便利 | convenience
편의성 | 便利性, 便捷性 | convenience
펼쳤다 | 展开 | unfold, hold
평가 | 评价, 评估 | evaluation, assess
평가받고 | 被评价, 被认为 | be evaluated, be regarded
폐업 | 停业, 倒闭, 关闭 | closure, shut down
포괄 | 全面, 涵盖 | comprehensive, encompass
포드 | 福特 | Ford
포인트 | 百分点 | percentage point
포착해 | 捕捉, 把握 | capture, seize
포커스 | 焦点, 聚焦 | focus
포함 | 包括, 包含 | include
포함됨 | 包括, 包含 | include
포함시킴 | 列入, 纳入 | include, add
포함해 | 包括, 包含 | include
폭넓 | 广泛 | broad, wide
폭발 | 爆发, 爆发式 | explosive
폭스바겐 | 大众汽车, 大众 | Volkswagen
폭을 | 范围 | scope
표준군 | 标准体系 | standard system
표준체계 | 标准体系 | standard system
표준화 | 标准化 | standardization
풀스택 | 全栈 | full-stack
풀을 | 资源池 | pool
품질 | 质量, 品质 | quality
풍부 | 丰富, 充足 | rich, abundant
프라이버시 | 隐私 | privacy
프레스 | 冲压 | press, stamping
프레임워크 | 框架 | framework
프로그램 | 项目, 计划 | program
프로젝트 | 项目 | project
프로토콜 | 协议 | protocol
프리미엄 | 溢价, 高端 | premium
플래시 | 闪存 | flash
플렛폼 | 平台 | platform
피드백 | 反馈 | feedback
피칭 | 路演 | pitch
피하기 | 避免, 回避 | avoid
피해 | 损害, 损失 | damage, harm
핀테크 | 金融科技 | fintech
필수 | 必须, 必要 | essential, necessary
필요 | 需要, 必要 | need, necessary
필요성 | 必要性 | necessity, need
필요하다 | 需要, 必要 | need, necessary
필요하다고 | 需要, 必要 | necessary
필적 | 媲美, 匹敌 | rival, match
하드웨어에 | 硬件 | hardware
하락 | 下降, 下滑 | decline, fall
하루 | 每天, 一天 | day, daily
하이캉로봇 | 海康机器人 | HikRobot
하이캉웨이스 | 海康威视 | Hikvision
하이터고신 | 海特高新 | Haite High-Tech
하이테크 | 高新技术, 高科技 | high-tech
하이테크구 | 高新区 | high-tech zone
하중 | 负载, 载荷 | payload, load
학문 | 学科 | discipline
학제 | 跨学科 | interdisciplinary
한계 | 局限, 极限 | limit, limitation
한국과학혁신기업 | 韩国科技创新企业 | Korean science and innovation company
한국기업 | 韩国企业 | Korean company
한국남동발전 | 韩国南东发电 | Korea South-East Power
한국연구재단 | 韩国研究财团 | National Research Foundation of Korea
한국항공우주산업 | 韩国航空航天产业, 韩国航空宇宙产业 | Korea Aerospace Industries, KAI
한국혁신기업 | 韩国创新企业 | Korean innovative company
한밤중 | 深夜, 半夜 | midnight, late night
한중 | 韩中, 中韩 | Korea-China
합산 | 合计, 总计 | combined, sum
합성 | 合成 | synthesis
항로 | 航线, 航路 | route, air route
항법 | 导航 | navigation
항텐커궁 | 航天科工 | CASIC, China Aerospace Science and Industry
항톈차이훙 | 航天彩虹 | Aerospace CH UAV
항행 | 航行, 导航 | navigation
해결 | 解决 | solve, resolve
해답 | 答案, 解答 | answer, solution
해당하 | 相当于 | correspond
해석 | 解析, 解释 | interpret, analysis
해소 | 解决, 化解, 消除 | resolve
해소하려 | 解决, 化解 | resolve
해외시장 | 海外市场 | overseas market
해체 | 解散, 撤销 | dissolve, disband
핵심 | 核心, 关键 | core, key
핵심기술 | 核心技术, 关键技术 | core technology
핸드 | 灵巧手, 机械手 | hand, robotic hand
햇불 | 火炬 | Torch
행동 | 行动, 行为 | action, behavior
행동력 | 行动力, 执行力 | action capability
행사장 | 会场, 活动现场 | venue
행정구 | 行政区 | administrative district
행정부 | 政府 | administration
향상 | 提升, 提高 | improve, enhance
향상시킨다 | 提升, 提高 | improve
향연 | 盛宴 | feast, showcase
향후 | 未来, 今后 | future, going forward
허브 | 枢纽, 中心 | hub
허브로서 | 枢纽, 中心 | hub
허브이자 | 枢纽, 中心 | hub
허타오선강 | 河套深港 | Hetao Shenzhen-Hong Kong
헝룽 | 亨龙 | Henglong
헤럴드 | 导报 | herald
혁신국 | 创新局 | innovation bureau
혁신기술 | 创新技术 | innovative technology
혁신기업 | 创新企业 | innovative company
혁신발전 | 创新发展 | innovative development
혁신역량 | 创新能力 | innovation capability
혁신하 | 创新, 革新 | innovate
혁신형 | 创新型 | innovative
현격 | 悬殊, 显著 | considerable, wide
현대로템 |  | Hyundai Rotem
현상 | 现象 | phenomenon
현실 | 现实 | reality, real world
현실감 | 真实感 | realism
현장 | 现场 | site, on-site
현재 | 目前, 现在, 当前 | present, current
현지 | 当地, 本地 | local
현행 | 现行, 现有 | current, existing
현황 | 现状 | status, current situation
협동 | 协作, 协同 | collaborative, cobot
협력기관 | 合作机构, 协办单位 | partner institution
협력체계 | 协作体系, 合作体系 | cooperation system
협력해 | 合作 | cooperate
협업 | 协作, 协同 | collaboration
협진 | 协同诊疗, 会诊 | collaborative care
형성 | 形成, 构建 | form, formation
형성됨 | 形成 | form
형성해 | 形成, 构建 | form
형식 | 形式 | form, format
형태 | 形态, 形式 | form, type
혜택 | 优惠 | benefit, incentive
홀더 | 夹持器, 支架 | holder
홍콩중문대 | 香港中文大学, 港中大 | Chinese University of Hong Kong
화물 | 货物, 货运 | cargo, freight
화에이 | 华为 | Huawei
화제 | 热点, 话题 | topic, buzz
화폐 | 货币 | currency
화합물 | 化合物 | compound
화훙반도체 | 华虹半导体 | Hua Hong Semiconductor
확고히 | 牢固, 坚定 | firmly
확대 | 扩大 | expand
확대하겠다 | 扩大 | expand
확대해 | 扩大 | expand
확보 | 确保, 获取, 取得 | secure, obtain
확보해야 | 确保, 获得 | secure
확산 | 扩散, 推广 | spread, diffusion
확실히 | 确实, 明显 | certainly
확인 | 确认, 确定 | confirm, check
확장 | 扩展, 扩张 | expansion, scale up
확장성 | 扩展性, 可扩展性 | scalability, extensibility
확장세 | 扩张势头, 增长势头 | expansion trend
확충 | 扩充, 扩大 | expand
환각 | 幻觉 | hallucination
환각률 | 幻觉率 | hallucination rate
환경 | 环境 | environment
환경보호 | 环保, 环境保护 | environmental protection
환경보호산업 | 环保产业 | environmental protection industry
환발해 | 环渤海 | Bohai Rim
환승 | 换乘 | transfer
활동 | 活动 | activity
활력 | 活力 | vitality
활발 | 活跃 | active, vibrant
활발히 | 活跃, 积极 | actively
활성화 | 激活, 活跃 | activate, vitalize
활용 | 利用, 应用, 运用 | use, utilize, application
활용성 | 实用性, 适用性 | usability, applicability
활용해 | 利用 | use, utilize
황금 | 黄金 | golden
황보 | 黄波 | Huang Bo
횃불센터 | 火炬中心 | Torch Center
회복력 | 韧性, 弹性 | resilience
회사 | 公司, 企业 | company
회수 | 回收, 回款 | collection, recovery
효율 | 效率 | efficiency
효율성 | 效率, 效能 | efficiency
효율화 | 提效, 优化 | efficiency improvement, streamline
후발 | 后发, 后起 | latecomer
후베이성 | 湖北省 | Hubei Province
후이보즈쉰 | 慧博资讯 | Huibo Zixun
훈련되어 | 训练 | train
훈련시킬 | 训练 | train
훠스창조 | 火石创造 | Huoshi Chuangzao
휠형 | 轮式 | wheeled
휴머노이드 | 人形机器人, 类人 | humanoid, humanoid robot
흐름 | 趋势, 潮流 | flow, trend
흡입력 | 吸引力 | attraction, appeal
희망 | 希望 | hope, wish
히트펌프 | 热泵 | heat pump
힘써왔으며 | 致力于 | strive
힘쓰며 | 致力, 努力 | strive
힘입어 | 得益于, 受益于 | thanks to, driven by
`;
