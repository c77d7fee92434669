"""Build articles.jsonl and gold.jsonl from the claim list below (run once; both are committed).

Each article is its gold claims as paragraphs after a dateline, so every gold
claim is a sentence the claim extractor should find.
"""

import json
from pathlib import Path

S, C, U = "supported", "contradicted", "unverified"
ARTICLES = [
    ("mountain-gazette-2021-03-08", "Mountain Gazette", "Brenn, 8 March 2021", "A week after the Tessel dam collapse", [
        ("The Tessel dam was owned by a private energy company.", U),
        ("The collapse of the Tessel dam killed 23 people, officials said.", S),
        ("The collapse of the Tessel dam killed 14 people.", C),
        ("About 1,100 residents were evacuated to the town of Brenn.", S),
        ("Some 5,000 residents were evacuated from the Orvin valley.", C),
        ("Around 400 rescue workers searched the flooded villages.", S),
        ("Only 40 rescue workers were sent to the flooded villages.", C),
        ("The water rose as high as 6 metres in the village of Lask.", S),
        ("The water rose to 20 metres in the village of Lask.", C),
        ("Lena Varga promised $2 million in compensation for the families.", S),
    ]),
    ("evening-star-2021-03-09", "Evening Star", "Orvin, 9 March 2021", "Orvin valley counts its losses", [
        ("The government will pay $15 million to the families of the victims.", C),
        ("The flood water destroyed more than 2,000 houses in the three villages.", C),
        ("The flood destroyed only 20 houses in the three villages.", C),
        ("The Tessel dam was built in 1968 by a German company.", U),
        ("The builder of the dam was fined for safety violations in 2015.", U),
        ("Local farmers lost 3,000 sheep in the flood.", U),
        ("The regional governor resigned after the dam collapse.", U),
        ("Prosecutors opened an investigation into the collapse of the dam.", S),
        ("Nine of the flood victims were children.", U),
        ("The Tessel reservoir held 80 million cubic metres of water.", U),
    ]),
    ("terin-daily-2022-09-18", "Terin Daily", "Terin, 18 September 2022", "A week of fighting on the border", [
        ("Ostrava Front fighters attacked a border post near Varsk, killing 9 soldiers.", S),
        ("The attack on the border post near Varsk killed 25 soldiers.", C),
        ("14 soldiers were wounded in the attack on the border post.", S),
        ("The army sent 600 troops to reinforce the border near Varsk.", S),
        ("The army sent 6,000 troops to reinforce the border near Varsk.", C),
        ("The border post lies about 40 kilometres from the capital, Terin.", S),
        ("The border post lies 150 kilometres from the capital, Terin.", C),
        ("The army said 31 rebels were killed in the fighting at the border post.", S),
        ("The government and the Ostrava Front signed a ceasefire in Dovra.", S),
        ("Both sides agreed to exchange 400 prisoners.", C),
    ]),
    ("border-voice-2022-09-19", "Border Voice", "Varsk, 19 September 2022", "After the ceasefire", [
        ("Both sides agreed to exchange 40 prisoners within a month.", S),
        ("Around 3,000 people who fled the fighting received new houses from the government.", U),
        ("Aid agencies delivered food to 50 villages near the border.", C),
        ("The Ostrava Front shot down a government plane last year.", U),
        ("The ceasefire between the army and the Ostrava Front was mediated by the United Nations.", C),
        ("Idris Malek was arrested by police in Terin last year.", U),
        ("The Ostrava Front receives weapons from a neighbouring country.", U),
        ("The army lost three tanks in the fighting near Varsk.", U),
        ("President Anton Brek will visit the border next week.", U),
        ("The Ostrava Front has about 2,000 fighters.", U),
    ]),
    ("coastal-times-2023-06-29", "Coastal Times", "Port Heska, 29 June 2023", "The attack on Port Heska", [
        ("Seven drones attacked the oil terminal at Port Heska.", S),
        ("Twenty drones attacked the oil terminal at Port Heska.", C),
        ("Air defences shot down two of the drones, the port authority said.", S),
        ("Three workers were injured in the drone attack on the terminal.", S),
        ("Eleven workers were killed in the drone attack on the terminal.", C),
        ("The fire at the terminal burned for 18 hours.", S),
        ("The fire at the terminal burned for five days before it was put out.", C),
        ("Oil exports of about 250,000 barrels per day were halted after the attack.", S),
        ("The attack halted oil exports of 2 million barrels per day.", C),
        ("Insurers paid out $40 million to the terminal operator in July.", U),
    ]),
    ("harbour-review-2023-06-30", "Harbour Review", "Port Heska, 30 June 2023", "Port Heska after the drones", [
        ("Insurers estimated the damage at the terminal at $400 million.", C),
        ("The drones flew about 300 kilometres over the sea, the navy said.", S),
        ("The drones were launched from a ship 30 kilometres offshore, the navy said.", C),
        ("Port Heska resumed oil loading eight days after the attack.", S),
        ("Oil prices fell by 10 percent on the news of the attack.", C),
        ("The terminal operator fired its head of security after the attack.", U),
        ("The drones were made in a factory in Lerania.", U),
        ("Shipping insurance premiums doubled for tankers visiting Port Heska.", U),
        ("The port authority hired 50 foreign engineers for the repairs.", U),
        ("A tanker carrying 90,000 tonnes of crude was damaged in the attack.", U),
    ]),
]

here = Path(__file__).parent
with (here / "articles.jsonl").open("w") as articles, (here / "gold.jsonl").open("w") as gold:
    for doc_id, source, dateline, title, claims in ARTICLES:
        body = f"{dateline} ({source}) - " + "\n\n".join(text for text, _ in claims)
        articles.write(json.dumps({"id": doc_id, "title": title, "text": body, "source": source}) + "\n")
        for text, label in claims:
            gold.write(json.dumps({"article": doc_id, "claim": text, "label": label}) + "\n")
