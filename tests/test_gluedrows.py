"""Where a task table's row run together on one line holds its units (gluedrows.unit_run).

Each row is a real one, its number taken off, from pool/255 and corpus/059 (工作任务 | 牵头单位 |
责任单位 | 工作要求 with nothing between the cells); the expected split is read off the row.
"""

from __future__ import annotations

import pytest

from gkparse.gluedrows import unit_run

ROWS = [
    # pool/255 row 35: the responsible cell's last name, then the requirements (继续推进普通高校、
    # 职业院校… holds a list of its own that is no unit's)
    (
        "进一步做好教育监管信息公开省教育厅各设区市，平潭综合实验区继续推进普通高校、职业院校教学质量报告",
        "进一步做好教育监管信息公开",
        ["省教育厅", "各设区市", "平潭综合实验区"],
        True,
    ),
    # pool/255 row 42: the task holds 市场 (a place's start) before the lead unit
    (
        "加快建立统一规范、准确及时的房地产市场信息定期发布机制省住建厅各设区市，平潭综合实验区做好对差别化信贷",
        "加快建立统一规范、准确及时的房地产市场信息定期发布机制",
        ["省住建厅", "各设区市", "平潭综合实验区"],
        True,
    ),
    # pool/255 row 40: separated names need no place's start (人行福州中心支行, 福建证监局)
    (
        "高度重视政策解读和舆论引导省金融办，省财政厅，人行福州中心支行，福建证监局、福建银监局、福建保监局，"
        "厦门银监局、厦门证监局、厦门保监局，各设区市，平潭综合实验区密切关注政府债务",
        "高度重视政策解读和舆论引导",
        ["省金融办", "省财政厅", "人行福州中心支行", "福建证监局", "福建银监局", "福建保监局"]
        + ["厦门银监局", "厦门证监局", "厦门保监局", "各设区市", "平潭综合实验区"],
        False,
    ),
    # corpus/059 row 34: after the responsible cell's list, the requirements begin with units
    (
        "全面清理整合政务热线电话省效能办省政府各部门、各直属机构，各设区市政府、平潭综合实验区管委会各设区市、平潭综合实验区管委会要按照",
        "全面清理整合政务热线电话",
        ["省效能办", "省政府各部门", "各直属机构", "各设区市政府", "平潭综合实验区管委会"],
        True,
    ),
    # corpus/059 row 35: 各设区市 is one name (设区市), what follows it is text
    (
        "完善政府公报工作机制 省直各有关部门，各设区市省政府和各设区市应办好本级政府公报，",
        "完善政府公报工作机制 ",
        ["省直各有关部门", "各设区市"],
        False,
    ),
    # corpus/059 row 18: a unit's name may quote (省“互联网+政务服务”联席办)
    (
        "全面推广“互联网+政务服务”省“互联网+政务服务”联席办省政府各部门、各直属机构，"
        "各设区市政府、平潭综合实验区管委会贯彻落实",
        "全面推广“互联网+政务服务”",
        ["省“互联网+政务服务”联席办", "省政府各部门", "各直属机构", "各设区市政府"]
        + ["平潭综合实验区管委会"],
        True,
    ),
]


@pytest.mark.parametrize("row, task, names, glued", ROWS)
def test_units_of_a_glued_row(rules, row, task, names, glued):
    run = unit_run(rules, row)
    assert run is not None
    assert (row[: run.start], run.names, run.glued_first) == (task, names, glued)


@pytest.mark.parametrize(
    "row",
    [
        # pool/255 rows 21 and 43: merged cells, no units (市场禁入, 市场秩序 are no units)
        "加大强农惠农政策公开力度深入解读承包土地“三权分置”、农村产权制度改革、农村集体资产清产核资",
        "加强房地产市场监管信息公开严格规范房地产开发和中介市场秩序，防止虚假宣传、恶意炒作等加剧市场波动。",
        # pool/255 row 41: 市场违法违规案件查处 ends in a unit's word, alone and glued: no run
        "及时发布资本市场违法违规案件查处情况和稽查执法工作动态做好行政处罚决定、市场禁入决定和行政许可决定公开工作",
    ],
)
def test_a_row_without_units(rules, row):
    assert unit_run(rules, row) is None


# Made up in the form of the rows above, for the shapes of city and county names the two
# notices do not print (no text outside the evaluation set does): a time-limit cell after the
# units, one place's character before a name (市市场监管局), words that hold a place's character
# (城市, 城乡, 县区), a lone unit whose last word is one character longer than a name's.
SHAPES = [
    (
        "加强食品安全监管市市场监管局各县（市、区）人民政府2023年底前",
        ["市市场监管局", "各县（市、区）人民政府"],
        "2023年底前",
    ),
    (
        "推进城市更新市住房城乡建设局市发展改革委、市财政局长期坚持",
        ["市住房城乡建设局", "市发展改革委", "市财政局"],
        "长期坚持",
    ),
    (
        "完善市县两级政务公开目录市政府办公室各县区政府2023年6月底前",
        ["市政府办公室", "各县区政府"],
        "2023年6月底前",
    ),
    (
        "做好乡镇政务公开工作各乡镇人民政府（街道办事处）年底前",
        ["各乡镇人民政府（街道办事处）"],
        "年底前",
    ),
    ("加强区直部门协作区委办、区政府办持续推进", ["区委办", "区政府办"], "持续推进"),
]


@pytest.mark.parametrize("row, names, rest", SHAPES)
def test_names_of_city_and_county_units(rules, row, names, rest):
    run = unit_run(rules, row)
    assert run is not None
    assert (run.names, row[run.end :]) == (names, rest)
