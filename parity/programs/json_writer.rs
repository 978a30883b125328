//! Writing a JSON-like value as text pieces, recursing into arrays and objects with a boxed generator.
enum Value {
    Num(f64),
    Str(&'static str),
    List(Vec<Value>),
    Obj(Vec<(&'static str, Value)>),
}

#[stackless::coroutine]
fn write<'a>(v: &'a Value) -> Box<dyn Iterator<Item = String> + 'a> {
    match v {
        Value::Num(n) => yield_!(n.to_string()),
        Value::Str(s) => yield_!(format!("{s:?}")),
        Value::List(items) => {
            yield_!("[".to_string());
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    yield_!(",".to_string());
                }
                yield_from!(write(item));
            }
            yield_!("]".to_string());
        }
        Value::Obj(fields) => {
            yield_!("{".to_string());
            for (i, (k, item)) in fields.iter().enumerate() {
                yield_!(format!("{}{k:?}:", if i > 0 { "," } else { "" }));
                yield_from!(write(item));
            }
            yield_!("}".to_string());
        }
    }
}

fn parity() {
    let v = Value::Obj(vec![
        ("name", Value::Str("stackless")),
        ("tags", Value::List(vec![Value::Num(1.0), Value::Str("gen"), Value::List(vec![])])),
        ("size", Value::Num(2.5)),
    ]);
    run!(write(&v));
}
