-- list-register-items: a community's register, in entry order. $1 community id.
SELECT {{ITEM}} AS item FROM register_item r WHERE r.community_id = $1 ORDER BY r.id;
