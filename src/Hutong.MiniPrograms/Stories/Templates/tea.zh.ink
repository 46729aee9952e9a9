// 选一壶茶。以 // 开头的行是写给你的备注，读者看不到。
// 用标签加一张你上传的图片，例如：# image: teapot
VAR warmth = 0

午后的茶馆很安静。老板笑着，等你点茶。
-> menu

=== menu ===
* [绿茶，清新淡雅] -> green
* [乌龙，焙香圆润] -> oolong
* [普洱，醇厚温和] -> puer

=== green ===
嫩叶在玻璃杯里慢慢舒展，像一个春天的早晨。
~ warmth = 1
-> company

=== oolong ===
小壶一泡再泡，每一杯的味道都有些不同。
~ warmth = 2
-> company

=== puer ===
茶汤是老木头的颜色，闻起来像雨后的泥土。
~ warmth = 3
-> company

=== company ===
邻桌的陌生人看着你的茶杯。
* [请他喝一杯]
    {warmth >= 2: 你们一直聊到灯笼亮起。|你们轻声聊了几句。} # ending: 新朋友
    -> END
* [独自品茶]
    今天，有茶相伴就够了。 # ending: 静水
    -> END
