-- get-register-item: one item. $1 item id.
SELECT {{ITEM}} AS item FROM register_item r WHERE r.id = $1;
